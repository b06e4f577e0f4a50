package dev.newswire.tagger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The release pointer of one model name: which version serves ({@code active}), which one scores every article
 * alongside without serving ({@code shadow}), and which one serves a stable share of articles ({@code canary}).
 * The value of a release record on the model topic, keyed by the model name:
 *
 * <pre>{"active": "2", "shadow": null, "canary": {"version": "3", "percent": 10}, "previous": "1",
 *  "updated_at": "2026-12-03T10:00:00Z", "reason": "promote after canary", "signature": "keyid:base64"}</pre>
 *
 * {@code previous} is the version that was active before, so that {@code rollback} needs no history;
 * {@code signature} (optional) is an Ed25519 signature of {@link #signedBytes(String)}.
 */
@JsonPropertyOrder({"active", "shadow", "canary", "previous", "updated_at", "reason", "signature"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelRelease(String active, String shadow, Canary canary, String previous,
                           @JsonProperty("updated_at") String updatedAt, String reason, String signature) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A canary: {@code percent} of articles (by key hash), 1 to 99, are served by {@code version}. */
    public record Canary(String version, int percent) {
        public Canary {
            if (version == null || version.isBlank()) {
                throw new IllegalArgumentException("canary version is required");
            }
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("canary percent must be between 1 and 99, got " + percent);
            }
        }
    }

    public ModelRelease {
        if (active == null || active.isBlank()) {
            throw new IllegalArgumentException("release: active version is required");
        }
        if (shadow != null && (shadow.isBlank() || shadow.equals(active))) {
            throw new IllegalArgumentException("release: shadow must be another version than active");
        }
        if (canary != null && canary.version().equals(active)) {
            throw new IllegalArgumentException("release: canary must be another version than active");
        }
        try {
            Instant.parse(updatedAt);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("release: updated_at is not an ISO-8601 instant: " + updatedAt, e);
        }
        reason = reason == null ? "" : reason;
    }

    /** The same release with {@code signature} set (or removed, with null). */
    public ModelRelease withSignature(String newSignature) {
        return new ModelRelease(active, shadow, canary, previous, updatedAt, reason, newSignature);
    }

    /** The JSON value of the release record. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize release", e);
        }
    }

    /** Parses a release record value; {@link IllegalArgumentException} says what is wrong. */
    public static ModelRelease fromJson(byte[] json) {
        try {
            return JSON.readValue(json, ModelRelease.class);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (java.io.IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("not a release record: " + cause.getMessage(), e);
        }
    }

    /**
     * What a release signature covers: a domain tag, the model name (the record key) and the release's JSON
     * without its signature. Any change to name, versions, percent, time or reason breaks the signature.
     */
    public byte[] signedBytes(String name) {
        byte[] body = withSignature(null).toJson();
        byte[] prefix = ("newswire-release\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }
}
