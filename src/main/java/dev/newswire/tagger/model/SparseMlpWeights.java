package dev.newswire.tagger.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights of a DL4J multilayer perceptron copied into plain float arrays, for {@link SparseMlpClassifier}.
 * Only what that classifier reproduces exactly is accepted: a float32 network without input preprocessors whose
 * hidden layers are {@link DenseLayer}s with plain ReLU (no layer norm) and whose last layer is an
 * {@link OutputLayer} with softmax (a single-label model) or sigmoid (a multi-label one), no weight noise anywhere.
 * Anything else is refused, so the fast engine never silently computes something other than DL4J does.
 *
 * <p>Layer {@code l} maps {@code nIn(l)} inputs to {@code nOut(l)} outputs; its weight matrix is stored as one
 * array per input index ({@code rows(l)[i][j]} is DL4J's {@code W[i, j]}), so the row of one input (one word, for
 * the first layer) is contiguous, and adding it to the outputs is a loop the JIT turns into SIMD instructions
 * (it does not for two offsets into one array, which might overlap). Immutable and thread-safe: every classifier
 * of a bundle shares one.
 */
public final class SparseMlpWeights {

    /** The activation of a layer; the only ones the fast engine computes. */
    enum Activation { RELU, SOFTMAX, SIGMOID }

    private final int[] sizes;
    private final float[][][] weights;
    private final float[][] biases;
    private final Activation[] activations;

    private SparseMlpWeights(int[] sizes, float[][][] weights, float[][] biases, Activation[] activations) {
        this.sizes = sizes;
        this.weights = weights;
        this.biases = biases;
        this.activations = activations;
    }

    /**
     * Copies the weights of {@code network}.
     *
     * @throws InvalidBundleException if the network has anything the fast engine does not compute exactly
     */
    public static SparseMlpWeights of(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        if (conf.getDataType() != DataType.FLOAT) {
            throw refused("the network's data type is " + conf.getDataType() + ", not FLOAT");
        }
        if (conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()) {
            throw refused("the network has input preprocessors " + conf.getInputPreProcessors().keySet());
        }
        int n = network.getnLayers();
        if (n < 1) {
            throw refused("the network has no layers");
        }
        int[] sizes = new int[n + 1];
        float[][][] weights = new float[n][][];
        float[][] biases = new float[n][];
        Activation[] activations = new Activation[n];
        for (int l = 0; l < n; l++) {
            Layer layer = conf.getConf(l).getLayer();
            activations[l] = activationOf(layer, l, l == n - 1);
            INDArray w = network.getLayer(l).getParam(DefaultParamInitializer.WEIGHT_KEY);
            if (w == null || w.rank() != 2) {
                throw refused("layer " + l + " has no 2-d weight matrix");
            }
            int nIn = (int) w.size(0);
            int nOut = (int) w.size(1);
            if (l > 0 && nIn != sizes[l]) {
                throw refused("layer " + l + " has " + nIn + " inputs, layer " + (l - 1) + " " + sizes[l] + " outputs");
            }
            sizes[l] = nIn;
            sizes[l + 1] = nOut;
            weights[l] = rows(w, nIn, nOut);
            biases[l] = biasOf(network, layer, l, nOut);
        }
        return new SparseMlpWeights(sizes, weights, biases, activations);
    }

    /** The rows of {@code w}, whatever DL4J's ordering of the view ('f' for dense weights): flattened logically. */
    private static float[][] rows(INDArray w, int nIn, int nOut) {
        float[] flat = Nd4j.toFlattened('c', w.castTo(DataType.FLOAT)).toFloatVector();
        float[][] rows = new float[nIn][];
        for (int i = 0; i < nIn; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * nOut, (i + 1) * nOut);
        }
        return rows;
    }

    private static Activation activationOf(Layer layer, int index, boolean last) {
        Class<?> expected = last ? OutputLayer.class : DenseLayer.class;
        if (layer.getClass() != expected) {
            throw refused("layer " + index + " is a " + layer.getClass().getSimpleName() + ", the fast engine needs a "
                    + expected.getSimpleName() + " there");
        }
        BaseLayer base = (BaseLayer) layer;
        if (base.getWeightNoise() != null) {
            throw refused("layer " + index + " has weight noise");
        }
        if (layer instanceof DenseLayer dense && dense.hasLayerNorm()) {
            throw refused("layer " + index + " has layer normalisation");
        }
        IActivation fn = base.getActivationFn();
        if (last && fn instanceof ActivationSoftmax && fn.getClass() == ActivationSoftmax.class) {
            return Activation.SOFTMAX;
        }
        if (last && fn instanceof ActivationSigmoid && fn.getClass() == ActivationSigmoid.class) {
            return Activation.SIGMOID;
        }
        if (!last && fn instanceof ActivationReLU relu && fn.getClass() == ActivationReLU.class && isPlain(relu)) {
            return Activation.RELU;
        }
        throw refused("layer " + index + " has activation " + fn + "; the fast engine computes "
                + (last ? "softmax or sigmoid on the output layer" : "plain ReLU on hidden layers"));
    }

    private static boolean isPlain(ActivationReLU relu) {
        return relu.getMax() == null && isZeroOrNull(relu.getThreshold()) && isZeroOrNull(relu.getNegativeSlope());
    }

    private static boolean isZeroOrNull(Double d) {
        return d == null || d == 0.0;
    }

    private static float[] biasOf(MultiLayerNetwork network, Layer layer, int index, int nOut) {
        boolean hasBias = layer instanceof DenseLayer d ? d.hasBias() : ((OutputLayer) layer).hasBias();
        if (!hasBias) {
            return new float[nOut];
        }
        INDArray b = network.getLayer(index).getParam(DefaultParamInitializer.BIAS_KEY);
        if (b == null || b.length() != nOut) {
            throw refused("layer " + index + " has no bias of length " + nOut);
        }
        return b.castTo(DataType.FLOAT).toFloatVector();
    }

    private static InvalidBundleException refused(String why) {
        return new InvalidBundleException("the network cannot be served by the fast engine: " + why);
    }

    /** Number of layers (hidden and output). */
    int layers() {
        return weights.length;
    }

    /** Width of the input of layer {@code l}; {@code size(layers())} is the output width. */
    int size(int l) {
        return sizes[l];
    }

    /** Input width of the network. */
    public int inputSize() {
        return sizes[0];
    }

    /** Output width of the network (the number of labels). */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Layer {@code l}'s weights, one row per input index; never modified. */
    float[][] rows(int l) {
        return weights[l];
    }

    /** Layer {@code l}'s bias; never modified. */
    float[] bias(int l) {
        return biases[l];
    }

    Activation activation(int l) {
        return activations[l];
    }

    /** Whether the output layer is a sigmoid per label (a multi-label model) rather than a softmax. */
    public boolean sigmoidOutput() {
        return activations[activations.length - 1] == Activation.SIGMOID;
    }

    /** The layer sizes, input first, e.g. {@code [10000, 64, 64, 46]}. */
    public List<Integer> sizes() {
        List<Integer> list = new ArrayList<>(sizes.length);
        for (int s : sizes) {
            list.add(s);
        }
        return List.copyOf(list);
    }
}
