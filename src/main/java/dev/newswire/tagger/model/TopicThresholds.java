package dev.newswire.tagger.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decision rule of a multi-label model: label {@code i} is assigned when its score is at least its threshold
 * {@code t[i]}; when no label reaches its threshold, the single best-scoring label is assigned instead, so that
 * every text the model scores gets at least one topic (as every document of the ModApte split has at least one).
 * The one place this rule lives: serving, evaluation and threshold tuning all call {@link #assign}. Immutable and
 * thread-safe.
 */
public final class TopicThresholds {

    private final double[] values;

    private TopicThresholds(double[] values) {
        this.values = values;
    }

    /**
     * The thresholds in label order.
     *
     * @throws IllegalArgumentException if the list is empty or a threshold is not finite and strictly between 0 and 1
     */
    public static TopicThresholds of(List<Double> thresholds) {
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("thresholds must not be empty");
        }
        double[] values = new double[thresholds.size()];
        for (int i = 0; i < values.length; i++) {
            Double t = thresholds.get(i);
            if (t == null || !Double.isFinite(t) || t <= 0 || t >= 1) {
                throw new IllegalArgumentException("threshold " + i + " must be finite and strictly between 0 and 1: " + t);
            }
            values[i] = t;
        }
        return new TopicThresholds(values);
    }

    /** The number of labels. */
    public int size() {
        return values.length;
    }

    /** The threshold of label {@code i}. */
    public double threshold(int i) {
        return values[i];
    }

    /** The thresholds in label order. */
    public List<Double> values() {
        return Arrays.stream(values).boxed().toList();
    }

    /**
     * The labels assigned to {@code scores} (in label order): every {@code i} with {@code scores[i] >= t[i]},
     * highest score first (equal scores: lower index first); if there is none, the index of the highest score
     * alone. Never empty.
     *
     * @throws IllegalArgumentException if the number of scores is not the number of thresholds, or a score is NaN
     */
    public int[] assign(float[] scores) {
        if (scores.length != values.length) {
            throw new IllegalArgumentException("got " + scores.length + " scores for " + values.length + " thresholds");
        }
        int[] ranked = Prediction.topIndices(scores, scores.length);
        List<Integer> passed = new ArrayList<>();
        for (int i : ranked) {
            if (scores[i] >= values[i]) {
                passed.add(i);
            }
        }
        if (passed.isEmpty()) {
            return new int[] {ranked[0]};
        }
        return passed.stream().mapToInt(Integer::intValue).toArray();
    }
}
