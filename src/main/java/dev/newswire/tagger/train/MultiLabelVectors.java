package dev.newswire.tagger.train;

import dev.newswire.tagger.model.Dl4jClassifier;
import dev.newswire.tagger.text.SparseVector;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Feature vectors with their label sets ({@code [document][label]}), and the dense mini-batch matrices DL4J trains on. */
record MultiLabelVectors(List<SparseVector> vectors, boolean[][] labels, int labelCount) {

    MultiLabelVectors {
        vectors = List.copyOf(vectors);
        labels = labels.clone();
        if (vectors.size() != labels.length) {
            throw new IllegalArgumentException("vectors and labels differ in length");
        }
    }

    int size() {
        return labels.length;
    }

    MultiLabelVectors slice(int from, int to) {
        boolean[][] part = new boolean[to - from][];
        System.arraycopy(labels, from, part, 0, part.length);
        return new MultiLabelVectors(vectors.subList(from, to), part, labelCount);
    }

    /** Whether each document has a known term (an empty vector abstains). */
    boolean[] scorable() {
        boolean[] scorable = new boolean[size()];
        for (int i = 0; i < scorable.length; i++) {
            scorable[i] = !vectors.get(i).isEmpty();
        }
        return scorable;
    }

    /** Features of the documents at {@code order[from..to)}. */
    INDArray features(int[] order, int from, int to, int width) {
        List<SparseVector> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(vectors.get(order[i]));
        }
        return Dl4jClassifier.toMatrix(batch, width);
    }

    /** Multi-hot targets (1 for each of a document's labels) of the documents at {@code order[from..to)}. */
    INDArray multiHot(int[] order, int from, int to) {
        float[] data = new float[(to - from) * labelCount];
        for (int i = from; i < to; i++) {
            boolean[] row = labels[order[i]];
            for (int t = 0; t < labelCount; t++) {
                data[(i - from) * labelCount + t] = row[t] ? 1f : 0f;
            }
        }
        return Nd4j.create(data, new long[] {to - from, labelCount}, 'c');
    }
}
