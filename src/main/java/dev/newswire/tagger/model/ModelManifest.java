package dev.newswire.tagger.model;

import dev.newswire.tagger.text.FeatureWeighting;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle says about itself: everything needed to check that its parts fit together and to tell
 * where it came from. Serialized as {@code manifest.json}.
 *
 * @param formatVersion     bundle layout version; this build reads {@link #CURRENT_FORMAT_VERSION}
 * @param createdAt         ISO-8601 instant
 * @param labels            topic names in output order
 * @param vocabularySha256  SHA-256 of the vocabulary entry's canonical text
 * @param testMetrics       e.g. {@code accuracy}, {@code macroF1} on the split's test part
 */
public record ModelManifest(int formatVersion, String name, String version, String createdAt,
                            List<String> labels, int vocabularySize, String vocabularySha256,
                            FeatureWeighting featureWeighting, NetworkShape network, TrainingSettings training,
                            DataProvenance data, Map<String, Double> testMetrics) {

    public static final int CURRENT_FORMAT_VERSION = 1;

    public ModelManifest {
        require(name != null && !name.isBlank(), "name is required");
        require(version != null && !version.isBlank(), "version is required");
        require(name.indexOf('@') < 0, "name must not contain '@': " + name);
        try {
            Instant.parse(createdAt);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("createdAt is not an ISO-8601 instant: " + createdAt, e);
        }
        labels = List.copyOf(labels);
        require(!labels.isEmpty(), "labels are required");
        require(new HashSet<>(labels).size() == labels.size(), "labels are not unique: " + labels);
        require(labels.stream().noneMatch(String::isBlank), "a label is blank");
        require(vocabularySize >= 1, "vocabularySize must be >= 1");
        require(vocabularySha256 != null && vocabularySha256.length() == 64, "vocabularySha256 must be 64 hex digits");
        require(featureWeighting != null && network != null && training != null && data != null,
                "featureWeighting, network, training and data are required");
        testMetrics = testMetrics == null ? Map.of() : Map.copyOf(testMetrics);
    }

    /** {@code name@version}: the key of the bundle on the model topic. */
    public String coordinates() {
        return name + "@" + version;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("manifest: " + message);
        }
    }
}
