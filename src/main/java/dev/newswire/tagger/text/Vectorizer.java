package dev.newswire.tagger.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one place where text becomes numbers: tokenizes with {@link Tokenizer}, looks words up in the
 * {@link Vocabulary} and weighs them by the {@link FeatureWeighting}. The trainer and the stream processor both
 * call {@link #vectorize(String)}. Immutable and thread-safe.
 */
public final class Vectorizer {

    private final Vocabulary vocabulary;
    private final FeatureWeighting weighting;
    private final float[] idf;

    public Vectorizer(Vocabulary vocabulary, FeatureWeighting weighting) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        this.idf = weighting == FeatureWeighting.TFIDF ? inverseDocumentFrequencies(vocabulary) : null;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public FeatureWeighting weighting() {
        return weighting;
    }

    /** Width of every vector: the vocabulary size. */
    public int dimension() {
        return vocabulary.size();
    }

    /** The feature vector of {@code text}; empty (no non-zeros) when no word of it is in the vocabulary. */
    public SparseVector vectorize(String text) {
        return vectorizeTokens(Tokenizer.tokenize(text));
    }

    /** The feature vector of an already tokenized text. */
    public SparseVector vectorizeTokens(List<String> tokens) {
        int[] ids = new int[tokens.size()];
        int n = 0;
        for (String token : tokens) {
            int id = vocabulary.indexOf(token);
            if (id >= 0) {
                ids[n++] = id;
            }
        }
        Arrays.sort(ids, 0, n);
        int[] indices = new int[n];
        float[] values = new float[n];
        int distinct = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && ids[j] == ids[i]) {
                j++;
            }
            indices[distinct] = ids[i];
            values[distinct] = weigh(ids[i], j - i);
            distinct++;
            i = j;
        }
        return new SparseVector(dimension(), Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
    }

    private float weigh(int index, int termCount) {
        return switch (weighting) {
            case BINARY -> 1.0f;
            case TFIDF -> (float) (1.0 + Math.log(termCount)) * idf[index];
        };
    }

    private static float[] inverseDocumentFrequencies(Vocabulary vocabulary) {
        float[] idf = new float[vocabulary.size()];
        double n = vocabulary.documentCount();
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) Math.log(1.0 + n / (1.0 + vocabulary.documentFrequency(i)));
        }
        return idf;
    }
}
