package dev.newswire.tagger.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newswire.tagger.text.FeatureSpec;
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
 * @param formatVersion     bundle layout version; this build reads {@link #OLDEST_FORMAT_VERSION} to
 *                          {@link #CURRENT_FORMAT_VERSION}. Version 1 has no {@code features}: its vectors are
 *                          the weighting's alone (words only, not normalised); version 2 adds {@code features}.
 *                          A bundle is written with the lowest version that describes it
 *                          ({@link #formatVersionFor}), so a model older instances can serve stays readable to them.
 * @param createdAt         ISO-8601 instant
 * @param labels            topic names in output order
 * @param vocabularySha256  SHA-256 of the vocabulary entry's canonical text
 * @param features          how texts are vectorized; absent (null) in version 1, where it is the weighting's alone
 * @param testMetrics       e.g. {@code accuracy}, {@code macroF1} on the split's test part
 * @param kind              what the outputs mean ({@link ModelKind}); absent (null) in older manifests, read as
 *                          single-label. A multi-label manifest needs format version 3 ({@link #MULTI_LABEL_FORMAT_VERSION}),
 *                          so that instances that predate it refuse the bundle instead of serving its sigmoid
 *                          scores as if they were a softmax
 * @param thresholds        multi-label only (null otherwise): per label, in label order, the score from which the
 *                          label is assigned; each finite and strictly between 0 and 1
 */
public record ModelManifest(int formatVersion, String name, String version, String createdAt,
                            List<String> labels, int vocabularySize, String vocabularySha256,
                            FeatureWeighting featureWeighting, FeatureSpec features, NetworkShape network, TrainingSettings training,
                            DataProvenance data, Map<String, Double> testMetrics, ModelKind kind,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> thresholds) {

    public static final int OLDEST_FORMAT_VERSION = 1;
    /** The first format version with {@code features} (L2 normalisation, bigrams). */
    public static final int FEATURES_FORMAT_VERSION = 2;
    /** The first format version that can describe a multi-label model. */
    public static final int MULTI_LABEL_FORMAT_VERSION = 3;
    public static final int CURRENT_FORMAT_VERSION = MULTI_LABEL_FORMAT_VERSION;

    @JsonCreator
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
        features = features == null ? FeatureSpec.of(featureWeighting) : features;
        require(features.weighting() == featureWeighting, "features' weighting " + features.weighting()
                + " differs from featureWeighting " + featureWeighting);
        require(formatVersion >= formatVersionFor(features), "format version " + formatVersion
                + " cannot describe the features " + features.id());
        testMetrics = testMetrics == null ? Map.of() : Map.copyOf(testMetrics);
        kind = kind == null ? ModelKind.SINGLE_LABEL : kind;
        thresholds = checkThresholds(kind, thresholds, labels);
        require(formatVersion >= formatVersionFor(features, kind), "format version " + formatVersion
                + " cannot describe a " + kind.id() + " model (needs " + formatVersionFor(features, kind) + ")");
        require(network.outputActivation().equals(kind.outputActivation()), "a " + kind.id()
                + " model needs a " + kind.outputActivation() + " output, the network says " + network.outputActivation());
    }

    /** A single-label manifest (no {@code kind}, no thresholds): the shape of every manifest before format 3. */
    public ModelManifest(int formatVersion, String name, String version, String createdAt,
                         List<String> labels, int vocabularySize, String vocabularySha256,
                         FeatureWeighting featureWeighting, FeatureSpec features, NetworkShape network, TrainingSettings training,
                         DataProvenance data, Map<String, Double> testMetrics) {
        this(formatVersion, name, version, createdAt, labels, vocabularySize, vocabularySha256, featureWeighting,
                features, network, training, data, testMetrics, ModelKind.SINGLE_LABEL, null);
    }

    /** The lowest bundle format version that describes a model of {@code kind} on vectors made with {@code features}. */
    public static int formatVersionFor(FeatureSpec features, ModelKind kind) {
        return kind == ModelKind.MULTI_LABEL ? MULTI_LABEL_FORMAT_VERSION : formatVersionFor(features);
    }

    /** Whether the model assigns any number of topics ({@link ModelKind#MULTI_LABEL}). */
    public boolean multiLabel() {
        return kind == ModelKind.MULTI_LABEL;
    }

    private static List<Double> checkThresholds(ModelKind kind, List<Double> thresholds, List<String> labels) {
        if (kind == ModelKind.SINGLE_LABEL) {
            require(thresholds == null, "a single-label model has no thresholds");
            return null;
        }
        require(thresholds != null, "a multi-label model needs thresholds, one per label");
        require(thresholds.size() == labels.size(), "a multi-label model needs one threshold per label: "
                + thresholds.size() + " thresholds for " + labels.size() + " labels");
        for (int i = 0; i < thresholds.size(); i++) {
            Double t = thresholds.get(i);
            require(t != null && Double.isFinite(t) && t > 0 && t < 1, "the threshold of label " + labels.get(i)
                    + " must be a finite number strictly between 0 and 1, got " + t);
        }
        return List.copyOf(thresholds);
    }

    /** The lowest bundle format version that describes vectors made with {@code features} (for a single-label model). */
    public static int formatVersionFor(FeatureSpec features) {
        return features.isWeightingOnly() ? OLDEST_FORMAT_VERSION : FEATURES_FORMAT_VERSION;
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
