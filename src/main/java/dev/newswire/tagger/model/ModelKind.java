package dev.newswire.tagger.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a model's outputs mean, as its manifest's {@code kind} says. A manifest without the field (every bundle
 * written before multi-label models existed) is {@link #SINGLE_LABEL}.
 */
public enum ModelKind {
    /** One topic per text: a softmax over the labels, trained with categorical cross-entropy. The default. */
    SINGLE_LABEL("single-label", "softmax"),
    /**
     * Any number of topics per text: one sigmoid per label, trained with binary cross-entropy; a topic is
     * assigned when its score reaches its threshold (the manifest's {@code thresholds}). Needs format version 3.
     */
    MULTI_LABEL("multi-label", "sigmoid");

    private final String id;
    private final String outputActivation;

    ModelKind(String id, String outputActivation) {
        this.id = id;
        this.outputActivation = outputActivation;
    }

    /** {@code single-label} or {@code multi-label}, as written in manifests and reports. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The output layer's activation, as a manifest's {@code network.outputActivation} names it. */
    public String outputActivation() {
        return outputActivation;
    }

    /**
     * Parses {@code single-label} or {@code multi-label} (any case); null reads as {@link #SINGLE_LABEL}.
     *
     * @throws IllegalArgumentException naming the valid values otherwise
     */
    @JsonCreator
    public static ModelKind parse(String value) {
        if (value == null) {
            return SINGLE_LABEL;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ModelKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model kind '" + value + "'; valid: single-label, multi-label");
    }
}
