package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.train.MlpFactory;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class SparseMlpClassifierTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void shouldScoreRandomSparseVectorsAsDl4jWithNonSquareLayers() {
        MultiLayerNetwork network = MlpFactory.build(50, List.of(7, 5), 3, 0.01, 11L);
        assertSameScores(network, 50, 200, new Random(1));
    }

    @Test
    void shouldScoreAsDl4jWithoutBiasesAndWithoutHiddenLayers() {
        MultiLayerNetwork noBias = network(new DenseLayer.Builder().nIn(40).nOut(6).hasBias(false)
                .activation(Activation.RELU).build(), new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(6).nOut(4).hasBias(false).activation(Activation.SOFTMAX).build());
        assertSameScores(noBias, 40, 100, new Random(2));
        MultiLayerNetwork outputOnly = network(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(40).nOut(4).activation(Activation.SOFTMAX).build());
        assertSameScores(outputOnly, 40, 100, new Random(3));
    }

    @Test
    void shouldStoreTheFirstLayerRowMajorByInputIndex() {
        MultiLayerNetwork network = MlpFactory.build(30, List.of(4), 2, 0.01, 5L);
        SparseMlpWeights weights = SparseMlpWeights.of(network);
        var w = network.getLayer(0).getParam("W");

        assertThat(weights.sizes()).containsExactly(30, 4, 2);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(weights.rows(0)[i][j]).isEqualTo(w.getFloat(i, j));
            }
        }
    }

    @Test
    void shouldShareOneCopyOfTheWeightsBetweenTheClassifiersOfABundle() {
        ModelBundle bundle = FixtureModels.bundle();
        var a = (SparseMlpClassifier) bundle.newClassifier(InferenceEngine.FAST);
        var b = (SparseMlpClassifier) bundle.newClassifier(InferenceEngine.FAST);
        assertThat(a).isNotSameAs(b);
        assertThat(a.weights()).isSameAs(b.weights());
    }

    @Test
    void shouldRefuseActivationsAndLayersItDoesNotCompute() {
        MultiLayerNetwork tanh = network(dense(10, 4, Activation.TANH), output(4, 3, Activation.SOFTMAX));
        assertThatThrownBy(() -> SparseMlpWeights.of(tanh)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("layer 0 has activation tanh");
        MultiLayerNetwork leaky = network(dense(10, 4, Activation.LEAKYRELU), output(4, 3, Activation.SOFTMAX));
        assertThatThrownBy(() -> SparseMlpWeights.of(leaky)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("layer 0 has activation");
        MultiLayerNetwork hardSigmoidOut = network(dense(10, 4, Activation.RELU), output(4, 3, Activation.HARDSIGMOID));
        assertThatThrownBy(() -> SparseMlpWeights.of(hardSigmoidOut)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("softmax or sigmoid on the output layer");
        // A sigmoid output (a multi-label model) is served.
        assertThat(SparseMlpWeights.of(network(dense(10, 4, Activation.RELU), output(4, 3, Activation.SIGMOID)))
                .sigmoidOutput()).isTrue();
        MultiLayerNetwork denseLast = network(dense(10, 4, Activation.RELU), dense(4, 3, Activation.SOFTMAX));
        assertThatThrownBy(() -> SparseMlpWeights.of(denseLast)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("layer 1 is a DenseLayer, the fast engine needs a OutputLayer there");
        MultiLayerNetwork layerNorm = network(new DenseLayer.Builder().nIn(10).nOut(4).hasLayerNorm(true)
                .activation(Activation.RELU).build(), output(4, 3, Activation.SOFTMAX));
        assertThatThrownBy(() -> SparseMlpWeights.of(layerNorm)).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("layer normalisation");
    }

    private static void assertSameScores(MultiLayerNetwork network, int width, int vectors, Random random) {
        SparseMlpClassifier fast = new SparseMlpClassifier(network);
        Dl4jClassifier dl4j = new Dl4jClassifier(network, width);
        for (int n = 0; n < vectors; n++) {
            SparseVector v = randomVector(width, random);
            float[] expected = dl4j.scores(v);
            float[] actual = fast.scores(v);
            assertThat(EngineParityTest.maxDiff(actual, expected)).as("vector %d", n).isLessThanOrEqualTo(TOLERANCE);
            assertThat(EngineParityTest.argmax(actual)).isEqualTo(EngineParityTest.argmax(expected));
        }
    }

    /** Up to a third of the inputs set, to values in (-3, 3): not only multi-hot. */
    private static SparseVector randomVector(int width, Random random) {
        TreeMap<Integer, Float> entries = new TreeMap<>();
        int nonZeros = random.nextInt(width / 3 + 1);
        for (int k = 0; k < nonZeros; k++) {
            entries.put(random.nextInt(width), random.nextBoolean() ? 1f : (random.nextFloat() - 0.5f) * 6f);
        }
        int[] indices = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        int k = 0;
        for (float f : entries.values()) {
            values[k++] = f;
        }
        return new SparseVector(width, indices, values);
    }

    private static DenseLayer dense(int in, int out, Activation activation) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation).build();
    }

    private static OutputLayer output(int in, int out, Activation activation) {
        LossFunctions.LossFunction loss = activation == Activation.SOFTMAX
                ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.XENT;
        return new OutputLayer.Builder(loss).nIn(in).nOut(out).activation(activation).build();
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(9L)
                .weightInit(WeightInit.XAVIER_UNIFORM).list();
        for (var layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        // Xavier leaves biases at zero; make them matter.
        for (int l = 0; l < network.getnLayers(); l++) {
            var b = network.getLayer(l).getParam("b");
            if (b != null) {
                b.assign(org.nd4j.linalg.factory.Nd4j.rand(b.dataType(), b.shape()).subi(0.5));
            }
        }
        return network;
    }
}
