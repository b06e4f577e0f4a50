package dev.newswire.tagger.stream;

import java.util.Optional;

/**
 * The protocol of the model topic ({@code newswire-models}, compacted, one partition). Two kinds of record:
 * <ul>
 *   <li><b>bundle</b>: key {@code <name>@<version>}, value the bundle zip bytes; optional headers
 *       {@value #SIGNATURE_HEADER} (an Ed25519 signature {@code keyid:base64} of the bundle).</li>
 *   <li><b>release</b>: key {@code <name>}, value a {@link dev.newswire.tagger.model.ModelRelease} as JSON.</li>
 * </ul>
 * Tombstones (null values):
 * <ul>
 *   <li>a bundle tombstone forgets that version; if the current release uses it, the decoded model keeps serving
 *       until a release moves away from it (an event says so), so a compaction can never unload a serving model;</li>
 *   <li>a release tombstone is ignored for serving: instances keep the release they have (an event says so),
 *       so an instance is never left without a model; after a restart they serve the embedded default until a
 *       new release record arrives.</li>
 * </ul>
 */
public final class ModelTopic {

    /** Header with the signature of a bundle record. */
    public static final String SIGNATURE_HEADER = "newswire.signature";

    private ModelTopic() {
    }

    /** The key of a bundle record. */
    public static String bundleKey(String name, String version) {
        return name + "@" + version;
    }

    /** Name and version of a bundle record. */
    public record BundleKey(String name, String version) {
        @Override
        public String toString() {
            return bundleKey(name, version);
        }
    }

    /** The name and version of a bundle key, or empty if {@code key} is a release key (no {@code @}). */
    public static Optional<BundleKey> parseBundleKey(String key) {
        int at = key.indexOf('@');
        if (at <= 0 || at == key.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new BundleKey(key.substring(0, at), key.substring(at + 1)));
    }
}
