package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newswire.tagger.text.FeatureSpec;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.text.SparseVector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MultiLabelBundleTest {

    private static final String GRAIN_AND_CRUDE = "wheat harvest grain tonnes and crude oil barrel opec";

    @Test
    void shouldRoundTripAMultiLabelBundleAsFormat3WithItsThresholds() {
        ModelBundle bundle = MultiLabelFixtureModels.bundle();
        ModelManifest manifest = bundle.manifest();
        assertThat(manifest.formatVersion()).isEqualTo(3).isGreaterThan(2); // older builds read 1 to 2: they refuse it
        assertThat(manifest.kind()).isEqualTo(ModelKind.MULTI_LABEL);
        assertThat(manifest.thresholds()).containsExactlyElementsOf(MultiLabelFixtureModels.THRESHOLDS);
        assertThat(bundle.multiLabel()).isTrue();
        String json = new String(ModelBundles.unzip(MultiLabelFixtureModels.bundleBytes("fixture-multi", "1"))
                .get(ModelBundles.MANIFEST), StandardCharsets.UTF_8);
        assertThat(json).contains("\"kind\" : \"multi-label\"").contains("\"thresholds\" : [ 0.5, 0.6, 0.4 ]");
    }

    @Test
    void shouldAssignBothTopicsOfATextThatJoinsThemAndApplyTheThresholds() {
        ModelBundle bundle = MultiLabelFixtureModels.bundle();
        for (InferenceEngine engine : InferenceEngine.values()) {
            Prediction p = bundle.newTopicClassifier(3, engine).classify(GRAIN_AND_CRUDE);
            assertThat(p.topics()).as("%s", engine).extracting(TopicScore::topic).containsExactlyInAnyOrder("grain", "crude");
            float[] scores = bundle.newClassifier(engine).scores(bundle.vectorizer().vectorize(GRAIN_AND_CRUDE));
            for (int t = 0; t < scores.length; t++) {
                boolean assigned = p.topics().stream().map(TopicScore::topic).toList().contains(bundle.labels().get(t));
                assertThat(assigned).as("%s %s", engine, bundle.labels().get(t))
                        .isEqualTo(scores[t] >= MultiLabelFixtureModels.THRESHOLDS.get(t));
            }
        }
        Prediction earn = bundle.newTopicClassifier(3).classify("quarterly profit dividend shares");
        assertThat(earn.topics()).extracting(TopicScore::topic).containsExactly("earn");
        assertThat(earn.topic()).isEqualTo("earn");
        assertThat(bundle.newTopicClassifier(3).classify("zzz unknown words").topics()).isEmpty();
    }

    @Test
    void shouldScoreWithSigmoidsInTheFastEngineAsDl4jDoes() {
        ModelBundle bundle = MultiLabelFixtureModels.bundle();
        for (String text : List.of(GRAIN_AND_CRUDE, "opec", "net profit per share dividend and corn crop")) {
            SparseVector v = bundle.vectorizer().vectorize(text);
            float[] fast = bundle.newClassifier(InferenceEngine.FAST).scores(v);
            float[] dl4j = bundle.newClassifier(InferenceEngine.DL4J).scores(v);
            double sum = 0;
            for (int t = 0; t < fast.length; t++) {
                assertThat((double) fast[t]).isCloseTo(dl4j[t], within(1e-6));
                sum += fast[t];
            }
            assertThat(sum).as("sigmoids, not a softmax: scores need not sum to 1").isNotCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void shouldBumpTheFormatVersionOnlyForMultiLabelModels() {
        FeatureSpec wordsOnly = FeatureSpec.of(FeatureWeighting.BINARY);
        FeatureSpec l2 = new FeatureSpec(FeatureWeighting.TFIDF, true, 1);
        assertThat(ModelManifest.formatVersionFor(wordsOnly)).isEqualTo(1);
        assertThat(ModelManifest.formatVersionFor(l2)).isEqualTo(2);
        assertThat(ModelManifest.formatVersionFor(wordsOnly, ModelKind.SINGLE_LABEL)).isEqualTo(1);
        assertThat(ModelManifest.formatVersionFor(l2, ModelKind.SINGLE_LABEL)).isEqualTo(2);
        assertThat(ModelManifest.formatVersionFor(wordsOnly, ModelKind.MULTI_LABEL)).isEqualTo(3);
        assertThat(ModelManifest.formatVersionFor(l2, ModelKind.MULTI_LABEL)).isEqualTo(3);
    }

    /** A format-3 bundle written by this build (the fixture network, version "3"), committed so that it must keep loading. */
    @Test
    void shouldStillLoadTheCommittedFormat3Bundle() throws IOException {
        ModelBundle bundle = ModelBundles.readResource("/bundles/multi-label-format3.zip");
        assertThat(bundle.manifest().formatVersion()).isEqualTo(3);
        assertThat(bundle.manifest().kind()).isEqualTo(ModelKind.MULTI_LABEL);
        assertThat(bundle.manifest().thresholds()).containsExactly(0.5, 0.6, 0.4);
        assertThat(bundle.newTopicClassifier(3).classify(GRAIN_AND_CRUDE).topics()).extracting(TopicScore::topic)
                .containsExactlyInAnyOrder("grain", "crude");
    }

    @Test
    void shouldReadABundleWithoutKindAsSingleLabel() throws IOException {
        // The embedded model was trained before models had a kind: its manifest has no "kind" field (format 2, L2).
        ModelBundle embedded = EmbeddedModel.load();
        assertThat(embedded.manifest().formatVersion()).isEqualTo(2);
        assertThat(embedded.manifest().kind()).isEqualTo(ModelKind.SINGLE_LABEL);
        assertThat(embedded.manifest().thresholds()).isNull();
        assertThat(embedded.multiLabel()).isFalse();
        assertThat(embedded.newTopicClassifier(3).classify("crude oil opec").topics()).isNull();
        assertThat(FixtureModels.bundle().manifest().formatVersion()).isEqualTo(1);
    }

    @Test
    void shouldRefuseThresholdsThatAreNotOneFiniteNumberInTheOpenUnitIntervalPerLabel() {
        assertRefused(json -> json.replace("[ 0.5, 0.6, 0.4 ]", "[ 0.5, 0.6 ]"), "one threshold per label: 2 thresholds for 3 labels");
        assertRefused(json -> json.replace("[ 0.5, 0.6, 0.4 ]", "[ 0.5, 1.0, 0.4 ]"), "threshold of label crude must be a finite number strictly between 0 and 1, got 1.0");
        assertRefused(json -> json.replace("[ 0.5, 0.6, 0.4 ]", "[ 0.0, 0.6, 0.4 ]"), "threshold of label grain");
        assertRefused(json -> json.replace("[ 0.5, 0.6, 0.4 ]", "[ 0.5, null, 0.4 ]"), "threshold of label crude");
        assertRefused(json -> json.replaceAll(",\\s*\"thresholds\" : \\[ 0.5, 0.6, 0.4 \\]", ""), "needs thresholds");
        assertRefused(json -> json.replace("\"kind\" : \"multi-label\"", "\"kind\" : \"ranking\""), "unknown model kind 'ranking'");
    }

    @Test
    void shouldRefuseAMultiLabelManifestInAnOlderFormatVersion() {
        assertRefused(json -> json.replace("\"formatVersion\" : 3", "\"formatVersion\" : 2"),
                "format version 2 cannot describe a multi-label model (needs 3)");
    }

    @Test
    void shouldRefuseAKindThatDisagreesWithTheNetworksOutputLayer() throws IOException {
        // A multi-label manifest over the softmax fixture network.
        ModelBundle single = FixtureModels.bundle();
        byte[] softmaxAsMulti = ModelBundles.toBytes(MultiLabelFixtureModels.manifest("x", "1",
                single.vectorizer().vocabulary(), MultiLabelFixtureModels.THRESHOLDS), single.vectorizer().vocabulary(),
                networkOf(FixtureModels.bundleBytes()));
        assertThatThrownBy(() -> ModelBundles.fromBytes(softmaxAsMulti))
                .hasMessageContaining("the manifest says multi-label (a sigmoid output), but the network's output layer is softmax");
        // A single-label manifest over the sigmoid network.
        byte[] sigmoidAsSingle = ModelBundles.toBytes(FixtureModels.manifest("x", "1", MultiLabelFixtureModels.vocabulary(),
                List.of(8)), MultiLabelFixtureModels.vocabulary(), MultiLabelFixtureModels.network());
        assertThatThrownBy(() -> ModelBundles.fromBytes(sigmoidAsSingle))
                .hasMessageContaining("the manifest says single-label (a softmax output), but the network's output layer is sigmoid");
    }

    @Test
    void shouldRefuseAManifestWhoseNetworkShapeNamesTheWrongOutputForItsKind() {
        assertRefused(json -> json.replace("\"outputActivation\" : \"sigmoid\"", "\"outputActivation\" : \"softmax\""),
                "a multi-label model needs a sigmoid output, the network says softmax");
    }

    private static org.deeplearning4j.nn.multilayer.MultiLayerNetwork networkOf(byte[] bundle) {
        try {
            return org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(
                    new java.io.ByteArrayInputStream(ModelBundles.unzip(bundle).get(ModelBundles.NETWORK)), false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fixture bundle with its manifest edited (checksums recomputed, so only the manifest is at fault). */
    private static void assertRefused(UnaryOperator<String> edit, String message) {
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelBundles.unzip(MultiLabelFixtureModels.bundleBytes("m", "1")));
        String json = new String(entries.get(ModelBundles.MANIFEST), StandardCharsets.UTF_8);
        String edited = edit.apply(json);
        assertThat(edited).as("the edit applies").isNotEqualTo(json);
        entries.put(ModelBundles.MANIFEST, edited.getBytes(StandardCharsets.UTF_8));
        entries.remove(ModelBundles.CHECKSUMS);
        entries.put(ModelBundles.CHECKSUMS, ModelBundles.checksums(entries).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ModelBundles.fromBytes(zip(entries))).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining(message)
                // The manifest's own words once, not wrapped in Jackson's (class name, source location).
                .hasMessageNotContaining("Cannot construct").hasMessageNotContaining("[Source")
                .hasMessageNotContaining("line: 1");
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        try {
            return ModelBundles.zip(entries);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
