package dev.newswire.tagger.train;

import dev.newswire.tagger.model.ModelKind;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Builds the multilayer perceptrons the trainer trains: Dense ReLU layers (optionally with dropout on their
 * outputs, which only acts while training), a softmax output, categorical cross-entropy, Glorot-uniform
 * initialisation, and RMSProp (Keras' defaults, rho 0.9, epsilon 1e-7) or Adam, at a learning rate that may decay
 * by epoch. Every network it builds is one the fast engine serves ({@code SparseMlpWeights}).
 */
public final class MlpFactory {

    private MlpFactory() {
    }

    /** The Keras example's network: {@code inputs → hidden… → outputs}, RMSProp at a constant rate, seeded. */
    public static MultiLayerNetwork build(int inputs, List<Integer> hidden, int outputs, double learningRate, long seed) {
        return build(inputs, hidden, outputs, TrainerOptions.Optimizer.RMSPROP, learningRate, 1.0, 0.0, seed);
    }

    /**
     * A fresh, initialised network {@code inputs → hidden… → outputs}, seeded.
     *
     * @param decay   the learning rate is multiplied by this each epoch (the network's epoch count); 1: constant
     * @param dropout probability of dropping each hidden unit's output while training; 0: none
     */
    public static MultiLayerNetwork build(int inputs, List<Integer> hidden, int outputs, TrainerOptions.Optimizer optimizer,
                                          double learningRate, double decay, double dropout, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater(optimizer, learningRate, decay))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list();
        int width = inputs;
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(width).nOut(hidden.get(i)).activation(Activation.RELU);
            if (i > 0) {
                dropOutInput(dense, dropout);
            }
            layers.layer(dense.build());
            width = hidden.get(i);
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(width).nOut(outputs).activation(Activation.SOFTMAX);
        dropOutInput(output, dropout);
        layers.layer(output.build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /**
     * As {@link #build(int, List, int, TrainerOptions.Optimizer, double, double, double, long)} for a model of
     * {@code kind}: for {@link ModelKind#SINGLE_LABEL} the same network; for {@link ModelKind#MULTI_LABEL} its output
     * layer is one sigmoid per label trained with binary cross-entropy (DL4J's {@code XENT}), everything else the same.
     */
    public static MultiLayerNetwork build(int inputs, List<Integer> hidden, int outputs, TrainerOptions.Optimizer optimizer,
                                          double learningRate, double decay, double dropout, long seed, ModelKind kind) {
        MultiLayerNetwork softmax = build(inputs, hidden, outputs, optimizer, learningRate, decay, dropout, seed);
        if (kind == ModelKind.SINGLE_LABEL) {
            return softmax;
        }
        MultiLayerConfiguration conf = softmax.getLayerWiseConfigurations().clone();
        OutputLayer output = (OutputLayer) conf.getConf(conf.getConfs().size() - 1).getLayer();
        output.setActivationFn(Activation.SIGMOID.getActivationFunction());
        output.setLossFn(LossFunctions.LossFunction.XENT.getILossFunction());
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /**
     * Dropout on a layer's input, i.e. on the previous hidden layer's output (DL4J applies a layer's dropout to
     * what comes in). DL4J's {@link Dropout} takes the probability of <em>keeping</em> a unit.
     */
    private static void dropOutInput(org.deeplearning4j.nn.conf.layers.BaseLayer.Builder<?> layer, double dropout) {
        if (dropout > 0) {
            layer.dropOut(new Dropout(1.0 - dropout));
        }
    }

    private static IUpdater updater(TrainerOptions.Optimizer optimizer, double learningRate, double decay) {
        ISchedule schedule = decay == 1.0 ? null : new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decay);
        return switch (optimizer) {
            case RMSPROP -> {
                RmsProp rmsProp = new RmsProp(learningRate, 0.9, 1e-7);
                rmsProp.setLearningRateSchedule(schedule);
                yield rmsProp;
            }
            case ADAM -> schedule == null ? new Adam(learningRate) : new Adam(schedule);
        };
    }
}
