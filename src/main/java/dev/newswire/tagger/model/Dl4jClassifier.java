package dev.newswire.tagger.model;

import dev.newswire.tagger.text.SparseVector;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores with a DL4J {@link MultiLayerNetwork}. Holds its own copy of the network, so instances are independent;
 * one instance is not thread-safe.
 */
public final class Dl4jClassifier implements Classifier {

    private final MultiLayerNetwork network;
    private final int inputSize;

    /** Wraps a private clone of {@code network}. */
    public Dl4jClassifier(MultiLayerNetwork network, int inputSize) {
        this.network = network.clone();
        this.inputSize = inputSize;
    }

    @Override
    public float[] scores(SparseVector vector) {
        return scoreBatch(List.of(vector))[0];
    }

    /** Scores of many vectors in one forward pass: one row per vector. */
    public float[][] scoreBatch(List<SparseVector> vectors) {
        INDArray output = network.output(toMatrix(vectors, inputSize), false);
        float[][] rows = new float[vectors.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = output.getRow(i).toFloatVector();
        }
        return rows;
    }

    /** The dense {@code vectors.size() × width} matrix of the vectors, row by row. */
    public static INDArray toMatrix(List<SparseVector> vectors, int width) {
        float[] data = new float[vectors.size() * width];
        for (int i = 0; i < vectors.size(); i++) {
            SparseVector v = vectors.get(i);
            if (v.dimension() != width) {
                throw new IllegalArgumentException("vector of dimension " + v.dimension() + " for input width " + width);
            }
            v.writeInto(data, i * width);
        }
        return Nd4j.create(data, new long[] {vectors.size(), width}, 'c');
    }
}
