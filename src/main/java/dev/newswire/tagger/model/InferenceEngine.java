package dev.newswire.tagger.model;

import java.util.Locale;

/**
 * Which code computes a model's scores when serving. Both give the same scores (within float rounding, see
 * {@link SparseMlpClassifier}); DL4J stays the training engine and the reference.
 */
public enum InferenceEngine {
    /** {@link SparseMlpClassifier}: sums the first-layer weight rows of the words present, plain Java floats. */
    FAST,
    /** {@link Dl4jClassifier}: DL4J's {@code MultiLayerNetwork.output} on the dense input row. */
    DL4J;

    /** The engine used unless configured otherwise. */
    public static final InferenceEngine DEFAULT = FAST;

    /** Parses {@code fast} or {@code dl4j} (any case); the message names the valid values otherwise. */
    public static InferenceEngine parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown inference engine '" + value + "'; valid: fast, dl4j", e);
        }
    }

    /** The lower-case name used in configuration and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
