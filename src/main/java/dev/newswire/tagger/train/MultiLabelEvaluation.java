package dev.newswire.tagger.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-label classification metrics of predicted topic sets against true ones. Micro-averaged precision, recall
 * and F1 pool every (document, topic) decision: {@code P = TP / (TP + FP)}, {@code R = TP / (TP + FN)}, F1 their
 * harmonic mean; macro-F1 is the mean of the per-topic F1 over the topics that occur in the truth or the
 * predictions (as {@link Evaluation} averages); subset accuracy is the share of documents whose predicted set is
 * exactly the true set. A ratio with a zero denominator is 0.
 *
 * @param documents      documents evaluated
 * @param abstained      documents without a known word, which get no topic (every true topic a miss)
 * @param exactMatches   documents whose predicted set equals the true set
 * @param subsetAccuracy {@code exactMatches / documents}
 * @param perTopic       one entry per label, in label order
 */
public record MultiLabelEvaluation(int documents, int abstained, int exactMatches, double subsetAccuracy,
                                   double microPrecision, double microRecall, double microF1, double macroF1,
                                   List<TopicMetrics> perTopic) {

    /** Precision, recall and F1 of one topic, with its true and predicted document counts. */
    public record TopicMetrics(String topic, double precision, double recall, double f1, int support, int predicted) {
    }

    public MultiLabelEvaluation {
        perTopic = List.copyOf(perTopic);
    }

    /**
     * The metrics of {@code predicted} against {@code truth}: {@code [document][label]} membership, one row per
     * document, one column per label.
     *
     * @param abstained how many of the documents abstained (recorded, not used in the metrics: their rows are empty)
     * @throws IllegalArgumentException if the shapes disagree with each other or with {@code labels}
     */
    public static MultiLabelEvaluation of(List<String> labels, boolean[][] truth, boolean[][] predicted, int abstained) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true rows but " + predicted.length + " predicted");
        }
        int n = labels.size();
        int[] tp = new int[n];
        int[] support = new int[n];
        int[] predictedCount = new int[n];
        int exact = 0;
        for (int d = 0; d < truth.length; d++) {
            if (truth[d].length != n || predicted[d].length != n) {
                throw new IllegalArgumentException("document " + d + " has a row not of " + n + " labels");
            }
            boolean same = true;
            for (int t = 0; t < n; t++) {
                support[t] += truth[d][t] ? 1 : 0;
                predictedCount[t] += predicted[d][t] ? 1 : 0;
                tp[t] += truth[d][t] && predicted[d][t] ? 1 : 0;
                same &= truth[d][t] == predicted[d][t];
            }
            exact += same ? 1 : 0;
        }
        long tpSum = 0;
        long supportSum = 0;
        long predictedSum = 0;
        double f1Sum = 0;
        int f1Topics = 0;
        List<TopicMetrics> perTopic = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double precision = ratio(tp[t], predictedCount[t]);
            double recall = ratio(tp[t], support[t]);
            double f1 = f1(precision, recall);
            perTopic.add(new TopicMetrics(labels.get(t), precision, recall, f1, support[t], predictedCount[t]));
            if (support[t] > 0 || predictedCount[t] > 0) {
                f1Sum += f1;
                f1Topics++;
            }
            tpSum += tp[t];
            supportSum += support[t];
            predictedSum += predictedCount[t];
        }
        double microPrecision = ratio(tpSum, predictedSum);
        double microRecall = ratio(tpSum, supportSum);
        return new MultiLabelEvaluation(truth.length, abstained, exact, ratio(exact, truth.length), microPrecision,
                microRecall, f1(microPrecision, microRecall), f1Topics == 0 ? 0 : f1Sum / f1Topics, perTopic);
    }

    /** The micro-F1 of {@code predicted} against {@code truth}, without the rest (for threshold tuning and early stopping). */
    static double microF1(boolean[][] truth, boolean[][] predicted) {
        long tp = 0;
        long trueCount = 0;
        long predictedCount = 0;
        for (int d = 0; d < truth.length; d++) {
            for (int t = 0; t < truth[d].length; t++) {
                tp += truth[d][t] && predicted[d][t] ? 1 : 0;
                trueCount += truth[d][t] ? 1 : 0;
                predictedCount += predicted[d][t] ? 1 : 0;
            }
        }
        return f1(ratio(tp, predictedCount), ratio(tp, trueCount));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
