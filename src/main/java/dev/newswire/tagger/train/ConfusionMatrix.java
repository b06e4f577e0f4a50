package dev.newswire.tagger.train;

import java.util.Arrays;
import java.util.List;

/**
 * The full confusion matrix of single-label predictions: for every true topic, how many of its documents were given
 * each topic, and how many the model abstained on (the abstained column). Rows and columns are in label order.
 * Immutable: the accessors return copies.
 *
 * @param labels    topic names by label index, the order of rows and of the predicted columns
 * @param counts    {@code counts[t][p]}: documents of true topic {@code t} predicted as {@code p}
 * @param abstained {@code abstained[t]}: documents of true topic {@code t} on which the model abstained
 */
public record ConfusionMatrix(List<String> labels, int[][] counts, int[] abstained) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int n = labels.size();
        if (counts.length != n || abstained.length != n) {
            throw new IllegalArgumentException("a confusion matrix of " + n + " labels needs " + n + " rows and "
                    + n + " abstention counts, got " + counts.length + " and " + abstained.length);
        }
        int[][] copy = new int[n][];
        for (int t = 0; t < n; t++) {
            if (counts[t].length != n) {
                throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " columns, not " + n);
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
        abstained = abstained.clone();
    }

    /**
     * Counts the predictions.
     *
     * @param labels    topic names by label index
     * @param truth     true label index per document
     * @param predicted predicted label index per document, -1 for an abstention
     */
    public static ConfusionMatrix of(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int n = labels.size();
        int[][] counts = new int[n][n];
        int[] abstained = new int[n];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= n || predicted[i] < -1 || predicted[i] >= n) {
                throw new IllegalArgumentException("document " + i + ": true label " + truth[i] + ", predicted "
                        + predicted[i] + ", for " + n + " labels");
            }
            if (predicted[i] < 0) {
                abstained[truth[i]]++;
            } else {
                counts[truth[i]][predicted[i]]++;
            }
        }
        return new ConfusionMatrix(labels, counts, abstained);
    }

    /** Documents of true topic {@code actual} predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Documents of true topic {@code actual} (its support), abstentions included. */
    public int rowTotal(int actual) {
        return Arrays.stream(counts[actual]).sum() + abstained[actual];
    }

    /** Documents predicted as {@code predicted}, whatever their true topic. */
    public int columnTotal(int predicted) {
        int total = 0;
        for (int[] row : counts) {
            total += row[predicted];
        }
        return total;
    }

    /** Documents predicted right: the diagonal. */
    public int correct() {
        int total = 0;
        for (int t = 0; t < counts.length; t++) {
            total += counts[t][t];
        }
        return total;
    }

    /** Documents the model abstained on. */
    public int abstainedTotal() {
        return Arrays.stream(abstained).sum();
    }

    /** All documents counted. */
    public int documents() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum() + abstainedTotal();
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    @Override
    public int[] abstained() {
        return abstained.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && Arrays.deepEquals(counts, m.counts)
                && Arrays.equals(abstained, m.abstained);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * labels.hashCode() + Arrays.deepHashCode(counts)) + Arrays.hashCode(abstained);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[labels=" + labels + ", counts=" + Arrays.deepToString(counts) + ", abstained="
                + Arrays.toString(abstained) + "]";
    }
}
