package dev.newswire.tagger.train;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the multilayer perceptron of the Keras Reuters example: Dense ReLU layers, a softmax output, categorical
 * cross-entropy and RMSProp with Keras' defaults (rho 0.9, epsilon 1e-7), Glorot-uniform initialisation.
 */
public final class MlpFactory {

    private MlpFactory() {
    }

    /** A fresh, initialised network {@code inputs → hidden… → outputs}, seeded. */
    public static MultiLayerNetwork build(int inputs, List<Integer> hidden, int outputs, double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new RmsProp(learningRate, 0.9, 1e-7))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list();
        int width = inputs;
        for (int size : hidden) {
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(size).activation(Activation.RELU).build());
            width = size;
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(width).nOut(outputs).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
