package dev.newswire.tagger.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classification metrics of predictions against true labels: accuracy, macro-F1, per-topic precision, recall,
 * F1 and support, the most confused (true, predicted) pairs and the full {@link ConfusionMatrix} they come from.
 *
 * <p>A prediction of {@code -1} means the model abstained: it counts as wrong for accuracy and recall and as no
 * prediction for precision. Macro-F1 averages the F1 of every topic that occurs in the truth or the predictions
 * (as scikit-learn does), so topics absent from both do not dilute it.
 */
public record Evaluation(int documents, int correct, int abstained, double accuracy, double macroF1,
                         List<TopicMetrics> perTopic, List<Confusion> mostConfused, ConfusionMatrix confusionMatrix) {

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
        ConfusionMatrix matrix = ConfusionMatrix.of(labels, truth, predicted);
        int n = labels.size();
        List<TopicMetrics> perTopic = new ArrayList<>();
        double f1Sum = 0;
        int f1Topics = 0;
        for (int t = 0; t < n; t++) {
            int tp = matrix.count(t, t);
            int support = matrix.rowTotal(t);
            int predictedCount = matrix.columnTotal(t);
            double precision = predictedCount == 0 ? 0 : (double) tp / predictedCount;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perTopic.add(new TopicMetrics(labels.get(t), precision, recall, f1, support, predictedCount));
            if (support > 0 || predictedCount > 0) {
                f1Sum += f1;
                f1Topics++;
            }
        }
        int correct = matrix.correct();
        double accuracy = truth.length == 0 ? 0 : (double) correct / truth.length;
        double macroF1 = f1Topics == 0 ? 0 : f1Sum / f1Topics;
        return new Evaluation(truth.length, correct, matrix.abstainedTotal(), accuracy, macroF1, perTopic,
                mostConfused(matrix, confusedPairs), matrix);
    }

    private static List<Confusion> mostConfused(ConfusionMatrix matrix, int k) {
        List<String> labels = matrix.labels();
        List<Confusion> pairs = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            for (int p = 0; p < labels.size(); p++) {
                if (a != p && matrix.count(a, p) > 0) {
                    pairs.add(new Confusion(labels.get(a), labels.get(p), matrix.count(a, p)));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::actual).thenComparing(Confusion::predicted));
        return pairs.subList(0, Math.min(k, pairs.size()));
    }
}
