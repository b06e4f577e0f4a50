package dev.newswire.tagger.text;

import java.util.Objects;

/**
 * Everything that decides how a text becomes a feature vector besides the vocabulary: the weighting of each
 * word, whether the vector is scaled to unit Euclidean length, and whether adjacent word pairs are features too.
 * Chosen at training time and stored in the model bundle, so the stream processor vectorizes exactly as the
 * trainer did.
 *
 * @param weighting   how a term's count becomes its value
 * @param l2Normalized whether the vector is divided by its Euclidean norm (an empty vector stays empty)
 * @param maxNgram    1: words only; 2: words and word bigrams ({@code "crude oil"}, two tokens joined by a space)
 */
public record FeatureSpec(FeatureWeighting weighting, boolean l2Normalized, int maxNgram) {

    /** The separator of the two words of a bigram term: a space, which no token contains. */
    public static final char BIGRAM_SEPARATOR = ' ';

    public FeatureSpec {
        Objects.requireNonNull(weighting, "weighting");
        if (maxNgram < 1 || maxNgram > 2) {
            throw new IllegalArgumentException("maxNgram must be 1 or 2: " + maxNgram);
        }
    }

    /** Words only, not normalised: what bundles of format version 1 mean by their weighting alone. */
    public static FeatureSpec of(FeatureWeighting weighting) {
        return new FeatureSpec(weighting, false, 1);
    }

    /** Whether this spec is one that bundle format version 1 can describe (its weighting alone). */
    public boolean isWeightingOnly() {
        return !l2Normalized && maxNgram == 1;
    }

    /** A short description, e.g. {@code tfidf+l2+bigrams}. */
    public String id() {
        return weighting.id() + (l2Normalized ? "+l2" : "") + (maxNgram == 2 ? "+bigrams" : "");
    }
}
