package dev.newswire.tagger.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classification metrics of predictions against true labels: accuracy, macro-F1, per-topic precision, recall,
 * F1 and support, and the most confused (true, predicted) pairs.
 *
 * <p>A prediction of {@code -1} means the model abstained: it counts as wrong for accuracy and recall and as no
 * prediction for precision. Macro-F1 averages the F1 of every topic that occurs in the truth or the predictions
 * (as scikit-learn does), so topics absent from both do not dilute it.
 */
public record Evaluation(int documents, int correct, int abstained, double accuracy, double macroF1,
                         List<TopicMetrics> perTopic, List<Confusion> mostConfused) {

    /** Metrics of one topic. */
    public record TopicMetrics(String topic, double precision, double recall, double f1, int support, int predicted) {
    }

    /** How often documents of topic {@code actual} were labelled {@code predicted}. */
    public record Confusion(String actual, String predicted, int count) {
    }

    public Evaluation {
        perTopic = List.copyOf(perTopic);
        mostConfused = List.copyOf(mostConfused);
    }

    /**
     * Computes the metrics.
     *
     * @param labels    topic names by label index
     * @param truth     true label index per document
     * @param predicted predicted label index per document, -1 for an abstention
     * @param confusedPairs how many of the most confused pairs to keep
     */
    public static Evaluation of(List<String> labels, int[] truth, int[] predicted, int confusedPairs) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int n = labels.size();
        int[][] confusion = new int[n][n];
        int[] support = new int[n];
        int[] predictedCount = new int[n];
        int correct = 0;
        int abstained = 0;
        for (int i = 0; i < truth.length; i++) {
            support[truth[i]]++;
            if (predicted[i] < 0) {
                abstained++;
                continue;
            }
            predictedCount[predicted[i]]++;
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        List<TopicMetrics> perTopic = new ArrayList<>();
        double f1Sum = 0;
        int f1Topics = 0;
        for (int t = 0; t < n; t++) {
            int tp = confusion[t][t];
            double precision = predictedCount[t] == 0 ? 0 : (double) tp / predictedCount[t];
            double recall = support[t] == 0 ? 0 : (double) tp / support[t];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perTopic.add(new TopicMetrics(labels.get(t), precision, recall, f1, support[t], predictedCount[t]));
            if (support[t] > 0 || predictedCount[t] > 0) {
                f1Sum += f1;
                f1Topics++;
            }
        }
        double accuracy = truth.length == 0 ? 0 : (double) correct / truth.length;
        double macroF1 = f1Topics == 0 ? 0 : f1Sum / f1Topics;
        return new Evaluation(truth.length, correct, abstained, accuracy, macroF1, perTopic,
                mostConfused(labels, confusion, confusedPairs));
    }

    private static List<Confusion> mostConfused(List<String> labels, int[][] confusion, int k) {
        List<Confusion> pairs = new ArrayList<>();
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                if (a != p && confusion[a][p] > 0) {
                    pairs.add(new Confusion(labels.get(a), labels.get(p), confusion[a][p]));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::actual).thenComparing(Confusion::predicted));
        return pairs.subList(0, Math.min(k, pairs.size()));
    }
}
