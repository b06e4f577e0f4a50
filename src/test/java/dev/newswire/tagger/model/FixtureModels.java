package dev.newswire.tagger.model;

import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Tokenizer;
import dev.newswire.tagger.text.Vectorizer;
import dev.newswire.tagger.text.Vocabulary;
import dev.newswire.tagger.train.MlpFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny, seeded model trained in the test on a handful of invented sentences: three topics whose words do not
 * overlap, so the right topic is known independently of the network. Not the production model.
 */
public final class FixtureModels {

    public static final List<String> LABELS = List.of("grain", "crude", "earn");
    /** Invented training sentences, by label index. */
    public static final List<List<String>> SENTENCES = List.of(
            List.of("wheat harvest grain exports tonnes", "corn and wheat crop grain silo", "grain tonnes wheat shipment"),
            List.of("crude oil barrel opec output", "oil refinery barrel prices crude", "opec crude oil production quota"),
            List.of("quarterly profit dividend shares", "net profit per share dividend", "shares dividend earnings profit"));

    private static byte[] cached;
    private static Trained trained;

    private FixtureModels() {
    }

    /** The fixture bundle's bytes (trained once per JVM). */
    public static synchronized byte[] bundleBytes() {
        if (cached == null) {
            cached = train("fixture", "1", 7L);
        }
        return cached.clone();
    }

    public static ModelBundle bundle() {
        return ModelBundles.fromBytes(bundleBytes());
    }

    /**
     * A valid bundle of the fixture network (trained once per JVM) under another name and version, recording the
     * given test accuracy on the fixture split: distinct bytes for every name, version and accuracy.
     */
    public static synchronized byte[] bundleBytes(String name, String version, double accuracy) {
        if (trained == null) {
            trained = trainNetwork(7L);
        }
        try {
            return ModelBundles.toBytes(manifest(name, version, trained.vocabulary(), List.of(8), accuracy),
                    trained.vocabulary(), trained.network());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid, untrained bundle whose network has {@code inputs} inputs (a vocabulary of as many invented words)
     * and one hidden layer of {@code hidden}: 30,000 x 64 makes a bundle of more than 5 MB.
     */
    public static byte[] largeBundleBytes(String name, String version, int inputs, int hidden) {
        List<String> words = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            words.add("w" + i);
        }
        Vocabulary vocabulary = Vocabulary.build(List.of(words), inputs);
        MultiLayerNetwork network = MlpFactory.build(vocabulary.size(), List.of(hidden), LABELS.size(), 0.01, 7L);
        try {
            return ModelBundles.toBytes(manifest(name, version, vocabulary, List.of(hidden)), vocabulary, network);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fixture bundle whose two engines disagree on purpose: DL4J scores with the trained fixture network, the
     * fast engine with the weights of an untrained one. Only for telling in a test which engine scored.
     */
    public static synchronized ModelBundle bundleWithOtherFastWeights() {
        if (trained == null) {
            trained = trainNetwork(7L);
        }
        MultiLayerNetwork untrained = MlpFactory.build(trained.vocabulary().size(), List.of(8), LABELS.size(), 0.01, 99L);
        return new ModelBundle(manifest("two-faced", "1", trained.vocabulary(), List.of(8)), trained.vocabulary(),
                trained.network(), SparseMlpWeights.of(untrained), "0123456789abcdef");
    }

    /** Trains the fixture model with the given name, version and seed. */
    public static byte[] train(String name, String version, long seed) {
        return train(name, version, seed, network -> { });
    }

    /** As {@link #train(String, String, long)}, with {@code tamper} applied to the trained network before saving. */
    public static byte[] train(String name, String version, long seed, java.util.function.Consumer<MultiLayerNetwork> tamper) {
        Trained t = trainNetwork(seed);
        tamper.accept(t.network());
        try {
            return ModelBundles.toBytes(manifest(name, version, t.vocabulary(), List.of(8)), t.vocabulary(), t.network());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Trained(Vocabulary vocabulary, MultiLayerNetwork network) {
    }

    private static Trained trainNetwork(long seed) {
        List<List<String>> docs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < SENTENCES.size(); label++) {
            for (String sentence : SENTENCES.get(label)) {
                docs.add(Tokenizer.tokenize(sentence));
                labels.add(label);
            }
        }
        Vocabulary vocabulary = Vocabulary.build(docs, 100);
        Vectorizer vectorizer = new Vectorizer(vocabulary, FeatureWeighting.BINARY);
        List<SparseVector> vectors = docs.stream().map(vectorizer::vectorizeTokens).toList();
        float[] oneHot = new float[docs.size() * LABELS.size()];
        for (int i = 0; i < docs.size(); i++) {
            oneHot[i * LABELS.size() + labels.get(i)] = 1f;
        }
        MultiLayerNetwork network = MlpFactory.build(vocabulary.size(), List.of(8), LABELS.size(), 0.01, seed);
        for (int i = 0; i < 200; i++) {
            network.fit(Dl4jClassifier.toMatrix(vectors, vocabulary.size()),
                    Nd4j.create(oneHot, new long[] {docs.size(), LABELS.size()}, 'c'));
        }
        return new Trained(vocabulary, network);
    }

    /** A manifest for a fixture-shaped model. */
    public static ModelManifest manifest(String name, String version, Vocabulary vocabulary, List<Integer> hidden) {
        return manifest(name, version, vocabulary, hidden, 1.0);
    }

    /** A manifest for a fixture-shaped model with the given test accuracy on the fixture split. */
    public static ModelManifest manifest(String name, String version, Vocabulary vocabulary, List<Integer> hidden,
                                         double accuracy) {
        return new ModelManifest(ModelManifest.OLDEST_FORMAT_VERSION, name, version, "2026-01-01T00:00:00Z", LABELS,
                vocabulary.size(), vocabulary.sha256(), FeatureWeighting.BINARY, null,
                new NetworkShape(vocabulary.size(), hidden, LABELS.size(), "relu", "softmax"),
                new TrainingSettings("fixture", 200, 200, 9, "rmsprop", 0.01, 7L, 100, 0, 0, 1, 0, null),
                new DataProvenance("fixture", "own", "0".repeat(64), 9, 0, 0),
                Map.of("accuracy", accuracy));
    }
}
