package dev.newswire.tagger.stream;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A bundle record as read from the model topic: its name and version (from the key), the bundle bytes and the
 * signature header, if any. The bytes are shared, not copied: do not modify them.
 *
 * @param signature the {@value ModelTopic#SIGNATURE_HEADER} header, or null if the record is unsigned
 * @param offset    the record's offset, or -1 for a bundle not (yet) on the topic
 * @param timestamp the record's timestamp, or null for a bundle not (yet) on the topic
 */
public record StoredBundle(String name, String version, byte[] bytes, String signature, long offset,
                           Instant timestamp) {

    public StoredBundle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** A bundle about to be published, not on the topic yet. */
    public static StoredBundle candidate(String name, String version, byte[] bytes) {
        return new StoredBundle(name, version, bytes, null, -1, null);
    }

    /** The record key, {@code name@version}. */
    public String key() {
        return ModelTopic.bundleKey(name, version);
    }

    /** The size of the bundle in bytes. */
    public int size() {
        return bytes.length;
    }

    /** Whether {@code other} holds exactly these bytes. */
    public boolean hasBytes(byte[] other) {
        return Arrays.equals(bytes, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredBundle b && name.equals(b.name) && version.equals(b.version)
                && Arrays.equals(bytes, b.bytes) && Objects.equals(signature, b.signature) && offset == b.offset
                && Objects.equals(timestamp, b.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, Arrays.hashCode(bytes), signature, offset, timestamp);
    }

    @Override
    public String toString() {
        return "StoredBundle[" + key() + ", " + bytes.length + " bytes, offset " + offset
                + (signature == null ? ", unsigned]" : ", signed]");
    }
}
