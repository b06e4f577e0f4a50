package dev.newswire.tagger.model;

import dev.newswire.tagger.text.SparseVector;
import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Scores a sparse feature vector with the weights of a DL4J multilayer perceptron ({@link SparseMlpWeights}) in
 * plain Java floats: the first layer is the sum of the weight rows of the non-zero inputs, each scaled by its value
 * (for multi-hot input, about a hundred rows of a 10,000-row matrix), plus the bias; then ReLU, the hidden layers
 * the same way over the non-zero activations, and a numerically stable softmax (or, for a multi-label model, a
 * sigmoid per output). The same function as
 * {@code MultiLayerNetwork.output}, summed in another order, so scores agree with {@link Dl4jClassifier}'s to
 * float rounding (see {@code EngineParityTest}).
 *
 * <p>Allocates nothing per call beyond the returned array. Not thread-safe: an instance owns scratch buffers, so
 * each stream task needs its own; instances are cheap, since the weights are shared and never modified.
 */
public final class SparseMlpClassifier implements Classifier {

    private final SparseMlpWeights weights;
    /** {@code activations[l]}: the output of layer {@code l}; reused from call to call. */
    private final float[][] activations;
    /** The non-zero inputs of the layer being computed: their indices and values. */
    private final int[] inputIndices;
    private final float[] inputValues;

    /** A classifier over shared, immutable weights. */
    public SparseMlpClassifier(SparseMlpWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.activations = new float[weights.layers()][];
        int widest = weights.inputSize();
        for (int l = 0; l < weights.layers(); l++) {
            activations[l] = new float[weights.size(l + 1)];
            widest = Math.max(widest, weights.size(l + 1));
        }
        this.inputIndices = new int[widest];
        this.inputValues = new float[widest];
    }

    /**
     * A classifier over a copy of {@code network}'s weights.
     *
     * @throws InvalidBundleException if the network is not one the fast engine computes exactly
     */
    public SparseMlpClassifier(MultiLayerNetwork network) {
        this(SparseMlpWeights.of(network));
    }

    /** The weights this classifier scores with. */
    public SparseMlpWeights weights() {
        return weights;
    }

    @Override
    public float[] scores(SparseVector vector) {
        if (vector.dimension() != weights.inputSize()) {
            throw new IllegalArgumentException("vector of dimension " + vector.dimension() + " for input width "
                    + weights.inputSize());
        }
        int n = vector.nonZeros();
        for (int k = 0; k < n; k++) {
            inputIndices[k] = vector.indexAt(k);
            inputValues[k] = vector.valueAt(k);
        }
        layer(0, n);
        for (int l = 1; l < weights.layers(); l++) {
            layer(l, nonZeros(activations[l - 1]));
        }
        return activations[weights.layers() - 1].clone();
    }

    /** Gathers the non-zero entries of {@code a} (ReLU makes many zeros) as the next layer's input; their count. */
    private int nonZeros(float[] a) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0f) {
                inputIndices[n] = i;
                inputValues[n++] = a[i];
            }
        }
        return n;
    }

    /** Layer {@code l} on the {@code n} non-zero inputs gathered: {@code x · W + b}, then its activation. */
    private void layer(int l, int n) {
        float[] out = activations[l];
        accumulateRows(out, weights.rows(l), n);
        float[] bias = weights.bias(l);
        for (int j = 0; j < out.length; j++) {
            out[j] += bias[j];
        }
        switch (weights.activation(l)) {
            case RELU -> relu(out);
            case SOFTMAX -> softmax(out);
            case SIGMOID -> sigmoid(out);
        }
    }

    /**
     * {@code out = Σ_k value_k · rows[index_k]} over the gathered inputs, four rows at a time: a quarter of the
     * loads and stores of {@code out}, each row indexed as {@code out} is, so the loop becomes SIMD code.
     */
    private void accumulateRows(float[] out, float[][] rows, int n) {
        Arrays.fill(out, 0f);
        int k = 0;
        for (; k + 3 < n; k += 4) {
            float[] a = rows[inputIndices[k]];
            float[] b = rows[inputIndices[k + 1]];
            float[] c = rows[inputIndices[k + 2]];
            float[] d = rows[inputIndices[k + 3]];
            float va = inputValues[k];
            float vb = inputValues[k + 1];
            float vc = inputValues[k + 2];
            float vd = inputValues[k + 3];
            for (int j = 0; j < out.length; j++) {
                out[j] += (va * a[j] + vb * b[j]) + (vc * c[j] + vd * d[j]);
            }
        }
        for (; k < n; k++) {
            float[] a = rows[inputIndices[k]];
            float va = inputValues[k];
            for (int j = 0; j < out.length; j++) {
                out[j] += va * a[j];
            }
        }
    }

    private static void relu(float[] a) {
        for (int j = 0; j < a.length; j++) {
            a[j] = Math.max(a[j], 0f);
        }
    }

    /** In place: {@code 1 / (1 + e^-x)} per entry, in double, which neither overflows nor loses small scores. */
    private static void sigmoid(float[] a) {
        for (int j = 0; j < a.length; j++) {
            a[j] = (float) (1.0 / (1.0 + Math.exp(-(double) a[j])));
        }
    }

    /** In place; shifted by the maximum so that no exponential overflows, normalised in double. */
    private static void softmax(float[] a) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            float e = (float) Math.exp(a[j] - max);
            a[j] = e;
            sum += e;
        }
        for (int j = 0; j < a.length; j++) {
            a[j] = (float) (a[j] / sum);
        }
    }
}
