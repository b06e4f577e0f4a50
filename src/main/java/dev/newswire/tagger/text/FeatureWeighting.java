package dev.newswire.tagger.text;

import java.util.Locale;

/**
 * How the vectorizer turns the words of a document into feature values. Chosen at training time and stored in
 * the model bundle, so the stream processor weighs words exactly as the trainer did.
 */
public enum FeatureWeighting {
    /** 1 for every vocabulary word present, 0 otherwise: the Keras example's multi-hot encoding. */
    BINARY,
    /**
     * Keras' {@code sequences_to_matrix(mode="tfidf")}: {@code (1 + ln tf) * ln(1 + N / (1 + df))}, with tf the
     * word's count in the document, N the number of training documents and df the number containing the word.
     */
    TFIDF;

    /** Parses {@code binary} or {@code tfidf} (any case); the message names the valid values otherwise. */
    public static FeatureWeighting parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown feature weighting '" + value + "'; valid: binary, tfidf", e);
        }
    }

    /** The lower-case name used on the command line and in manifests. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
