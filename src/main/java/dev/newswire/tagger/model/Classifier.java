package dev.newswire.tagger.model;

import dev.newswire.tagger.text.SparseVector;

/**
 * Turns a feature vector into one score per label (in the bundle's label order). Implementations are not
 * required to be thread-safe: each stream task gets its own instance from
 * {@link ModelBundle#newClassifier(InferenceEngine)}.
 */
public interface Classifier {

    /** Scores of {@code vector}, one per label; never NaN. */
    float[] scores(SparseVector vector);
}
