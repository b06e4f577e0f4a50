package dev.newswire.tagger.model;

import dev.newswire.tagger.text.Vectorizer;
import dev.newswire.tagger.text.Vocabulary;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A loaded, validated model: manifest, vocabulary, network and the id derived from its checksums. Immutable once
 * loaded: the network is never handed out, only private clones inside {@link Dl4jClassifier}s; the fast engine's
 * copy of its weights ({@link SparseMlpWeights}) is made once and shared by every {@link SparseMlpClassifier}.
 *
 * <p>Serving ({@link #newTopicClassifier(int)}) uses {@link InferenceEngine#DEFAULT}, the fast engine; DL4J
 * ({@link #newClassifier()}) stays the training engine and the reference, and scores batches for evaluation.
 */
public final class ModelBundle {

    private final ModelManifest manifest;
    private final Vectorizer vectorizer;
    private final MultiLayerNetwork network;
    private final SparseMlpWeights fastWeights;
    private final String id;
    /** Null for a single-label model. */
    private final TopicThresholds thresholds;

    ModelBundle(ModelManifest manifest, Vocabulary vocabulary, MultiLayerNetwork network, SparseMlpWeights fastWeights,
                String id) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.vectorizer = new Vectorizer(vocabulary, manifest.features());
        this.network = Objects.requireNonNull(network, "network");
        this.fastWeights = Objects.requireNonNull(fastWeights, "fastWeights");
        this.id = Objects.requireNonNull(id, "id");
        this.thresholds = manifest.multiLabel() ? TopicThresholds.of(manifest.thresholds()) : null;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The vectorizer the model was trained with. */
    public Vectorizer vectorizer() {
        return vectorizer;
    }

    public List<String> labels() {
        return manifest.labels();
    }

    /** Whether the model is multi-label ({@link ModelKind#MULTI_LABEL}): it assigns topics by {@link #thresholds()}. */
    public boolean multiLabel() {
        return thresholds != null;
    }

    /** The per-topic thresholds of a multi-label model; empty for a single-label one. */
    public java.util.Optional<TopicThresholds> thresholds() {
        return java.util.Optional.ofNullable(thresholds);
    }

    /** First 16 hex digits of the SHA-256 of the bundle's checksum list: changes whenever any entry changes. */
    public String id() {
        return id;
    }

    public String name() {
        return manifest.name();
    }

    public String version() {
        return manifest.version();
    }

    /**
     * A new, independent DL4J classifier (its own copy of the network): the reference engine, which also scores
     * batches ({@link Dl4jClassifier#scoreBatch}), for training and evaluation. The same as
     * {@code newClassifier(InferenceEngine.DL4J)} with its concrete type.
     */
    public Dl4jClassifier newClassifier() {
        return new Dl4jClassifier(network, manifest.vocabularySize());
    }

    /**
     * A new classifier of the given engine, for one stream task (classifiers are not thread-safe). A fast one is
     * cheap: it shares this bundle's weights and owns only a few small buffers.
     */
    public Classifier newClassifier(InferenceEngine engine) {
        return switch (engine) {
            case FAST -> new SparseMlpClassifier(fastWeights);
            case DL4J -> newClassifier();
        };
    }

    /** A new, independent text-to-prediction pipeline keeping the {@code topK} best topics, on the default engine. */
    public TopicClassifier newTopicClassifier(int topK) {
        return newTopicClassifier(topK, InferenceEngine.DEFAULT);
    }

    /** A new, independent text-to-prediction pipeline keeping the {@code topK} best topics, on {@code engine}. */
    public TopicClassifier newTopicClassifier(int topK, InferenceEngine engine) {
        return new TopicClassifier(vectorizer, newClassifier(engine), labels(), topK, thresholds);
    }

    @Override
    public String toString() {
        return "ModelBundle[" + manifest.coordinates() + ", id=" + id + "]";
    }
}
