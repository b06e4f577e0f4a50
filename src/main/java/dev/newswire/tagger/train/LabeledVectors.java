package dev.newswire.tagger.train;

import dev.newswire.tagger.model.Dl4jClassifier;
import dev.newswire.tagger.text.SparseVector;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Feature vectors with their label indices, and the dense mini-batch matrices DL4J trains on. */
record LabeledVectors(List<SparseVector> vectors, int[] labels, int labelCount) {

    LabeledVectors {
        vectors = List.copyOf(vectors);
        labels = labels.clone();
        if (vectors.size() != labels.length) {
            throw new IllegalArgumentException("vectors and labels differ in length");
        }
    }

    int size() {
        return labels.length;
    }

    LabeledVectors slice(int from, int to) {
        int[] part = new int[to - from];
        System.arraycopy(labels, from, part, 0, part.length);
        return new LabeledVectors(vectors.subList(from, to), part, labelCount);
    }

    /** Features of the documents at {@code order[from..to)}. */
    INDArray features(int[] order, int from, int to, int width) {
        List<SparseVector> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(vectors.get(order[i]));
        }
        return Dl4jClassifier.toMatrix(batch, width);
    }

    /** One-hot labels of the documents at {@code order[from..to)}. */
    INDArray oneHot(int[] order, int from, int to) {
        float[] data = new float[(to - from) * labelCount];
        for (int i = from; i < to; i++) {
            data[(i - from) * labelCount + labels[order[i]]] = 1f;
        }
        return Nd4j.create(data, new long[] {to - from, labelCount}, 'c');
    }
}
