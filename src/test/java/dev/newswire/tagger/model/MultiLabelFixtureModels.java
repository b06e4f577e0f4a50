package dev.newswire.tagger.model;

import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Tokenizer;
import dev.newswire.tagger.text.Vectorizer;
import dev.newswire.tagger.text.Vocabulary;
import dev.newswire.tagger.train.MlpFactory;
import dev.newswire.tagger.train.TrainerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny, seeded multi-label model trained in the test: the three topics of {@link FixtureModels}, whose words do
 * not overlap, trained on their sentences alone and on sentences that join two topics' words, with a sigmoid per
 * topic. So a text made of grain and crude words is known, independently of the network, to be about both.
 */
public final class MultiLabelFixtureModels {

    public static final List<String> LABELS = FixtureModels.LABELS;
    /** Fixed thresholds, in label order (grain, crude, earn): not tuned, only to test that serving applies them. */
    public static final List<Double> THRESHOLDS = List.of(0.5, 0.6, 0.4);

    private static Trained trained;

    private MultiLabelFixtureModels() {
    }

    private record Trained(Vocabulary vocabulary, MultiLayerNetwork network) {
    }

    /** The fixture bundle's bytes under {@code name@version} (the network is trained once per JVM). */
    public static synchronized byte[] bundleBytes(String name, String version) {
        if (trained == null) {
            trained = trainNetwork(7L);
        }
        try {
            return ModelBundles.toBytes(manifest(name, version, trained.vocabulary(), THRESHOLDS), trained.vocabulary(),
                    trained.network());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelBundle bundle() {
        return ModelBundles.fromBytes(bundleBytes("fixture-multi", "1"));
    }

    /** The trained network (a copy) and its vocabulary, for tests that build bundles of their own. */
    static synchronized MultiLayerNetwork network() {
        bundleBytes("x", "1");
        return trained.network().clone();
    }

    static synchronized Vocabulary vocabulary() {
        bundleBytes("x", "1");
        return trained.vocabulary();
    }

    private static Trained trainNetwork(long seed) {
        List<List<String>> docs = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<List<String>> sentences = FixtureModels.SENTENCES;
        for (int a = 0; a < sentences.size(); a++) {
            for (int i = 0; i < sentences.get(a).size(); i++) {
                docs.add(Tokenizer.tokenize(sentences.get(a).get(i)));
                labels.add(of(a, -1));
                for (int b = a + 1; b < sentences.size(); b++) {
                    docs.add(Tokenizer.tokenize(sentences.get(a).get(i) + " " + sentences.get(b).get(i)));
                    labels.add(of(a, b));
                }
            }
        }
        Vocabulary vocabulary = Vocabulary.build(docs, 100);
        Vectorizer vectorizer = new Vectorizer(vocabulary, FeatureWeighting.BINARY);
        List<SparseVector> vectors = docs.stream().map(vectorizer::vectorizeTokens).toList();
        int n = LABELS.size();
        float[] multiHot = new float[docs.size() * n];
        for (int d = 0; d < docs.size(); d++) {
            for (int t = 0; t < n; t++) {
                multiHot[d * n + t] = labels.get(d)[t] ? 1f : 0f;
            }
        }
        MultiLayerNetwork network = MlpFactory.build(vocabulary.size(), List.of(8), n, TrainerOptions.Optimizer.RMSPROP,
                0.01, 1.0, 0.0, seed, ModelKind.MULTI_LABEL);
        for (int i = 0; i < 300; i++) {
            network.fit(Dl4jClassifier.toMatrix(vectors, vocabulary.size()),
                    Nd4j.create(multiHot, new long[] {docs.size(), n}, 'c'));
        }
        return new Trained(vocabulary, network);
    }

    private static boolean[] of(int a, int b) {
        boolean[] row = new boolean[LABELS.size()];
        row[a] = true;
        if (b >= 0) {
            row[b] = true;
        }
        return row;
    }

    /** A multi-label manifest (format 3, sigmoid output) for a fixture-shaped model. */
    public static ModelManifest manifest(String name, String version, Vocabulary vocabulary, List<Double> thresholds) {
        return new ModelManifest(ModelManifest.MULTI_LABEL_FORMAT_VERSION, name, version, "2026-01-01T00:00:00Z",
                LABELS, vocabulary.size(), vocabulary.sha256(), FeatureWeighting.BINARY, null,
                new NetworkShape(vocabulary.size(), List.of(8), LABELS.size(), "relu", "sigmoid"),
                new TrainingSettings("fixture", 300, 300, 15, "rmsprop", 0.01, 7L, 100, 0, 0, 1, 0, "val-micro-f1"),
                new DataProvenance("fixture", "own", "0".repeat(64), 15, 0, 0),
                Map.of("microF1", 1.0), ModelKind.MULTI_LABEL, thresholds);
    }
}
