package dev.newswire.tagger.model;

import dev.newswire.tagger.text.SparseVector;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Scores a sparse feature vector with the weights of a DL4J multilayer perceptron ({@link SparseMlpWeights}) in
 * plain Java floats: the first layer is the sum of the weight rows of the non-zero inputs, each scaled by its value
 * (for multi-hot input, about a hundred rows of a 10,000-row matrix), plus the bias; then ReLU, the dense hidden
 * layers and a numerically stable softmax. The same function as {@code MultiLayerNetwork.output}, summed in
 * another order, so scores agree with {@link Dl4jClassifier}'s to float rounding (see {@code EngineParityTest}).
 *
 * <p>Allocates nothing per call beyond the returned array. Not thread-safe: an instance owns scratch buffers, so
 * each stream task needs its own; instances are cheap, since the weights are shared and never modified.
 */
public final class SparseMlpClassifier implements Classifier {

    private final SparseMlpWeights weights;
    /** {@code activations[l]}: the output of layer {@code l}; reused from call to call. */
    private final float[][] activations;

    /** A classifier over shared, immutable weights. */
    public SparseMlpClassifier(SparseMlpWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.activations = new float[weights.layers()][];
        for (int l = 0; l < weights.layers(); l++) {
            activations[l] = new float[weights.size(l + 1)];
        }
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
        sparseLayer(vector, activations[0]);
        finish(0);
        for (int l = 1; l < weights.layers(); l++) {
            denseLayer(l, activations[l - 1], activations[l]);
            finish(l);
        }
        return activations[weights.layers() - 1].clone();
    }

    /** {@code out = x · W0 + b0}, reading only the rows of the non-zeros of {@code x}. */
    private void sparseLayer(SparseVector x, float[] out) {
        float[] w = weights.weights(0);
        int width = out.length;
        java.util.Arrays.fill(out, 0f);
        for (int k = 0; k < x.nonZeros(); k++) {
            int row = x.indexAt(k) * width;
            float value = x.valueAt(k);
            for (int j = 0; j < width; j++) {
                out[j] += value * w[row + j];
            }
        }
        addBias(out, weights.bias(0));
    }

    /** {@code out = in · W + b} for layer {@code l}, skipping the zero inputs (ReLU makes many). */
    private void denseLayer(int l, float[] in, float[] out) {
        float[] w = weights.weights(l);
        int width = out.length;
        java.util.Arrays.fill(out, 0f);
        for (int i = 0; i < in.length; i++) {
            float a = in[i];
            if (a != 0f) {
                int row = i * width;
                for (int j = 0; j < width; j++) {
                    out[j] += a * w[row + j];
                }
            }
        }
        addBias(out, weights.bias(l));
    }

    private static void addBias(float[] out, float[] bias) {
        for (int j = 0; j < out.length; j++) {
            out[j] += bias[j];
        }
    }

    private void finish(int l) {
        float[] a = activations[l];
        switch (weights.activation(l)) {
            case RELU -> relu(a);
            case SOFTMAX -> softmax(a);
        }
    }

    private static void relu(float[] a) {
        for (int j = 0; j < a.length; j++) {
            a[j] = Math.max(a[j], 0f);
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
