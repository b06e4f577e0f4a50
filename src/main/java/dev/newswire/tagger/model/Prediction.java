package dev.newswire.tagger.model;

import java.util.List;

/**
 * The decoded result of classifying one text.
 *
 * @param topic      the best topic (the highest score), or null when the model abstained
 * @param confidence the best topic's score, 0 when abstained
 * @param top        the k best topics, best first; empty when abstained
 * @param abstained  true when the text had no word the model knows, so no guess was made
 * @param topics     multi-label models only (null for single-label ones): the topics assigned by the model's
 *                   thresholds ({@link TopicThresholds#assign}), best first; empty exactly when abstained. It holds
 *                   the best topic unless that topic's score is under its own threshold while another topic's
 *                   reaches its (lower) one
 */
public record Prediction(String topic, double confidence, List<TopicScore> top, boolean abstained,
                         List<TopicScore> topics) {
    public Prediction {
        top = List.copyOf(top);
        topics = topics == null ? null : List.copyOf(topics);
        if (topics != null && abstained != topics.isEmpty()) {
            throw new IllegalArgumentException("a multi-label prediction has topics exactly when it did not abstain");
        }
        if (abstained != (topic == null)) {
            throw new IllegalArgumentException("a prediction has a topic exactly when it did not abstain");
        }
        if (!abstained && (top.isEmpty() || !top.get(0).topic().equals(topic))) {
            throw new IllegalArgumentException("the best topic must head the top list");
        }
    }

    /** A single-label prediction (no {@code topics}). */
    public Prediction(String topic, double confidence, List<TopicScore> top, boolean abstained) {
        this(topic, confidence, top, abstained, null);
    }

    /** The prediction of a single-label model for a text without any known word. */
    public static Prediction abstain() {
        return new Prediction(null, 0.0, List.of(), true);
    }

    /** The prediction of a multi-label model for a text without any known word: {@code topics} is empty. */
    public static Prediction abstainMultiLabel() {
        return new Prediction(null, 0.0, List.of(), true, List.of());
    }

    /** Whether this is a multi-label model's prediction (it has {@link #topics()}). */
    public boolean multiLabel() {
        return topics != null;
    }

    /**
     * Decodes a multi-label model's scores (in label order): the best topic and the {@code k} best as
     * {@link #decode} does, and the topics {@code thresholds} assign.
     */
    public static Prediction decode(float[] scores, List<String> labels, int k, TopicThresholds thresholds) {
        Prediction best = decode(scores, labels, k);
        int[] assigned = thresholds.assign(scores);
        List<TopicScore> topics = new java.util.ArrayList<>(assigned.length);
        for (int i : assigned) {
            topics.add(new TopicScore(labels.get(i), scores[i]));
        }
        return new Prediction(best.topic(), best.confidence(), best.top(), false, topics);
    }

    /** Decodes raw scores (in label order) into the best topic and the {@code k} best topics. */
    public static Prediction decode(float[] scores, List<String> labels, int k) {
        if (scores.length != labels.size()) {
            throw new IllegalArgumentException("got " + scores.length + " scores for " + labels.size() + " labels");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        int n = Math.min(k, scores.length);
        int[] best = topIndices(scores, n);
        TopicScore[] top = new TopicScore[n];
        for (int i = 0; i < n; i++) {
            top[i] = new TopicScore(labels.get(best[i]), scores[best[i]]);
        }
        return new Prediction(top[0].topic(), top[0].score(), List.of(top), false);
    }

    /** Indices of the n highest scores, highest first; ties go to the lower index. */
    static int[] topIndices(float[] scores, int n) {
        int[] best = new int[n];
        int filled = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            int pos = filled;
            while (pos > 0 && scores[best[pos - 1]] < scores[i]) {
                pos--;
            }
            if (pos < n) {
                int end = Math.min(filled, n - 1);
                System.arraycopy(best, pos, best, pos + 1, end - pos);
                best[pos] = i;
                filled = Math.min(filled + 1, n);
            }
        }
        return best;
    }
}
