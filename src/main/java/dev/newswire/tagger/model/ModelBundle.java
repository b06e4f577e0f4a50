package dev.newswire.tagger.model;

import dev.newswire.tagger.text.Vectorizer;
import dev.newswire.tagger.text.Vocabulary;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A loaded, validated model: manifest, vocabulary, network and the id derived from its checksums. Immutable once
 * loaded: the network is never handed out, only private clones inside {@link Dl4jClassifier}s.
 */
public final class ModelBundle {

    private final ModelManifest manifest;
    private final Vectorizer vectorizer;
    private final MultiLayerNetwork network;
    private final String id;

    ModelBundle(ModelManifest manifest, Vocabulary vocabulary, MultiLayerNetwork network, String id) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.vectorizer = new Vectorizer(vocabulary, manifest.featureWeighting());
        this.network = Objects.requireNonNull(network, "network");
        this.id = Objects.requireNonNull(id, "id");
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

    /** A new, independent DL4J classifier (its own copy of the network). */
    public Dl4jClassifier newClassifier() {
        return new Dl4jClassifier(network, manifest.vocabularySize());
    }

    /** A new, independent text-to-prediction pipeline keeping the {@code topK} best topics. */
    public TopicClassifier newTopicClassifier(int topK) {
        return new TopicClassifier(vectorizer, newClassifier(), labels(), topK);
    }

    @Override
    public String toString() {
        return "ModelBundle[" + manifest.coordinates() + ", id=" + id + "]";
    }
}
