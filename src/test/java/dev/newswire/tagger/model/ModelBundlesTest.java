package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.tagger.text.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundlesTest {

    @Test
    void shouldPredictTheSameAfterSaveAndLoad(@TempDir Path dir) throws IOException {
        ModelBundle original = FixtureModels.bundle();
        Path file = dir.resolve("model.zip");
        java.nio.file.Files.write(file, FixtureModels.bundleBytes());
        ModelBundle loaded = ModelBundles.read(file);

        assertThat(loaded.manifest()).isEqualTo(original.manifest());
        assertThat(loaded.id()).isEqualTo(original.id()).hasSize(16);
        for (List<String> sentences : FixtureModels.SENTENCES) {
            for (String s : sentences) {
                assertThat(loaded.newClassifier().scores(loaded.vectorizer().vectorize(s)))
                        .containsExactly(original.newClassifier().scores(original.vectorizer().vectorize(s)));
            }
        }
    }

    @Test
    void shouldReadOnlyTheManifestOfBundleBytes() {
        ModelManifest manifest = ModelBundles.readManifest(FixtureModels.bundleBytes("news", "4", 0.75));

        assertThat(manifest.coordinates()).isEqualTo("news@4");
        assertThat(manifest.testMetrics()).containsEntry("accuracy", 0.75);
        assertThatThrownBy(() -> ModelBundles.readManifest("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBundleException.class);
    }

    @Test
    void shouldClassifyTheFixtureSentencesByTheirTopic() {
        TopicClassifier classifier = FixtureModels.bundle().newTopicClassifier(3);
        assertThat(classifier.classify("wheat and corn exports").topic()).isEqualTo("grain");
        assertThat(classifier.classify("opec cuts crude output").topic()).isEqualTo("crude");
        assertThat(classifier.classify("dividend per share").topic()).isEqualTo("earn");
        assertThat(classifier.classify("nothing known here").abstained()).isTrue();
    }

    @Test
    void shouldWriteTheSameBytesForTheSameModel() throws IOException {
        ModelBundle bundle = FixtureModels.bundle();
        Map<String, byte[]> entries = entries(FixtureModels.bundleBytes());
        assertThat(entries.keySet()).containsExactly(ModelBundles.MANIFEST, ModelBundles.VOCABULARY,
                ModelBundles.NETWORK, ModelBundles.CHECKSUMS);
        assertThat(new String(entries.get(ModelBundles.CHECKSUMS), StandardCharsets.UTF_8))
                .contains("  " + ModelBundles.MANIFEST).contains("  " + ModelBundles.NETWORK);
        assertThat(bundle.id()).isEqualTo(ModelBundles.sha256(entries.get(ModelBundles.CHECKSUMS)).substring(0, 16));
    }

    @Test
    void shouldRefuseAnEntryWhoseChecksumDiffers() throws IOException {
        byte[] bytes = rewrite(e -> {
            byte[] vocab = e.get(ModelBundles.VOCABULARY);
            vocab[vocab.length - 2] ^= 1;
        }, false);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("checksum mismatch for vocabulary.tsv");
    }

    @Test
    void shouldRefuseATruncatedBundle() {
        byte[] bytes = FixtureModels.bundleBytes();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> ModelBundles.fromBytes(truncated)).isInstanceOf(InvalidBundleException.class)
                .hasMessageMatching("(?s).*(truncated|not a readable zip|missing entry|not a model bundle).*");
    }

    @Test
    void shouldRefuseBytesThatAreNoZip() {
        assertThatThrownBy(() -> ModelBundles.fromBytes("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBundleException.class).hasMessageContaining("not a model bundle");
    }

    @Test
    void shouldRefuseAMissingOrUnexpectedEntry() throws IOException {
        byte[] missing = rewrite(e -> e.remove(ModelBundles.VOCABULARY), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(missing)).hasMessageContaining("missing entry vocabulary.tsv");
        byte[] extra = rewrite(e -> e.put("extra.bin", new byte[] {1}), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(extra)).hasMessageContaining("unexpected entry extra.bin");
    }

    @Test
    void shouldRefuseAnUnknownFormatVersion() throws IOException {
        byte[] bytes = rewrite(e -> e.put(ModelBundles.MANIFEST, replace(e.get(ModelBundles.MANIFEST),
                "\"formatVersion\" : 1", "\"formatVersion\" : 99")), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes)).hasMessageContaining("unsupported bundle format version 99");
    }

    @Test
    void shouldRefuseAVersion1ManifestWhoseFeaturesOnlyVersion2Describes() throws IOException {
        // A version-1 reader would vectorize without normalisation: such a bundle must say version 2.
        byte[] bytes = rewrite(e -> e.put(ModelBundles.MANIFEST, replace(e.get(ModelBundles.MANIFEST),
                "\"l2Normalized\" : false", "\"l2Normalized\" : true")), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes)).hasMessageContaining("format version 1 cannot describe");
    }

    @Test
    void shouldReadAVersion1ManifestWithoutFeaturesAsItsWeightingAlone() throws IOException {
        byte[] bytes = rewrite(e -> e.put(ModelBundles.MANIFEST, withoutFeatures(e.get(ModelBundles.MANIFEST))), true);
        ModelManifest manifest = ModelBundles.fromBytes(bytes).manifest();
        assertThat(manifest.formatVersion()).isEqualTo(1);
        assertThat(manifest.features()).isEqualTo(dev.newswire.tagger.text.FeatureSpec.of(manifest.featureWeighting()));
        assertThat(manifest.training().selection()).isEqualTo("val-loss");
    }

    private static byte[] withoutFeatures(byte[] manifest) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree =
                    (com.fasterxml.jackson.databind.node.ObjectNode) ModelBundles.JSON.readTree(manifest);
            tree.remove("features");
            com.fasterxml.jackson.databind.node.ObjectNode training = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("training");
            training.remove(List.of("recipeVersion", "dropout", "learningRateDecay", "patience", "selection"));
            return ModelBundles.JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldRefuseAVocabularyThatDisagreesWithTheManifest() throws IOException {
        Vocabulary other = Vocabulary.build(List.of(List.of("alpha", "beta")), 10);
        byte[] bytes = rewrite(e -> e.put(ModelBundles.VOCABULARY, other.toTsv().getBytes(StandardCharsets.UTF_8)), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes)).hasMessageContaining("vocabulary has 2 words, the manifest says");
    }

    @Test
    void shouldRefuseANetworkWhoseInputWidthDiffersFromTheVocabulary() throws IOException {
        ModelBundle bundle = FixtureModels.bundle();
        int size = bundle.manifest().vocabularySize();
        // A manifest and vocabulary of one word more than the network was built for.
        List<String> words = new java.util.ArrayList<>(bundle.vectorizer().vocabulary().words());
        words.add("zzzextra");
        Vocabulary bigger = Vocabulary.build(List.of(words), size + 1);
        ModelManifest manifest = FixtureModels.manifest("fixture", "1", bigger, List.of(8));
        byte[] bytes = rewrite(e -> {
            e.put(ModelBundles.VOCABULARY, bigger.toTsv().getBytes(StandardCharsets.UTF_8));
            e.put(ModelBundles.MANIFEST, json(manifest));
        }, true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes))
                .hasMessageContaining("network input width " + size + " differs from the vocabulary size " + (size + 1));
    }

    @Test
    void shouldRefuseANetworkWhoseOutputWidthDiffersFromTheLabels() throws IOException {
        byte[] bytes = rewrite(e -> e.put(ModelBundles.MANIFEST, replace(e.get(ModelBundles.MANIFEST),
                "\"earn\"", "\"earn\", \"ship\"")), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes))
                .hasMessageContaining("network output width 3 differs from the number of labels 4");
    }

    @Test
    void shouldRefuseANetworkTheFastEngineDoesNotComputeExactly() throws IOException {
        Vocabulary vocabulary = FixtureModels.bundle().vectorizer().vocabulary();
        var network = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(
                new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(3L).list()
                        .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(vocabulary.size()).nOut(8)
                                .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                        .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nIn(8).nOut(3)
                                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                        .build());
        network.init();
        byte[] bytes = ModelBundles.toBytes(FixtureModels.manifest("tanh", "1", vocabulary, List.of(8)), vocabulary, network);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("cannot be served by the fast engine: layer 0 has activation tanh");
    }

    @Test
    void shouldRefuseACorruptNetworkEntry() throws IOException {
        byte[] bytes = rewrite(e -> e.put(ModelBundles.NETWORK, "not a dl4j zip".getBytes(StandardCharsets.UTF_8)), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes))
                .hasMessageContaining("network entry is not a loadable DL4J MultiLayerNetwork");
    }

    @Test
    void shouldRefuseAManifestMissingRequiredFields() throws IOException {
        byte[] bytes = rewrite(e -> e.put(ModelBundles.MANIFEST,
                "{\"formatVersion\": 1, \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)), true);
        assertThatThrownBy(() -> ModelBundles.fromBytes(bytes)).hasMessageContaining("invalid manifest");
    }

    // --- helpers: take the fixture bundle apart, change it, put it back together ---

    private static byte[] rewrite(Consumer<Map<String, byte[]>> change, boolean fixChecksums) throws IOException {
        Map<String, byte[]> entries = entries(FixtureModels.bundleBytes());
        change.accept(entries);
        if (fixChecksums) {
            entries.remove(ModelBundles.CHECKSUMS);
            entries.put(ModelBundles.CHECKSUMS, ModelBundles.checksums(entries).getBytes(StandardCharsets.UTF_8));
        }
        return ModelBundles.zip(entries);
    }

    private static Map<String, byte[]> entries(byte[] bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] replace(byte[] text, String from, String to) {
        String s = new String(text, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(ModelManifest manifest) {
        try {
            return ModelBundles.JSON.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
