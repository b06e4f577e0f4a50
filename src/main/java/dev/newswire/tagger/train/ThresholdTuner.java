package dev.newswire.tagger.train;

import dev.newswire.tagger.model.TopicThresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tunes a multi-label model's per-topic thresholds on validation scores (never on test documents). Every
 * threshold is taken from the grid 0.05, 0.10, …, 0.95:
 * <ol>
 *   <li>a global threshold: the grid value whose thresholds-for-all give the highest micro-F1 on the validation
 *       part, decided by the serving rule ({@link TopicThresholds#assign}, top-1 when no topic passes); equal
 *       micro-F1: the value nearest 0.5, then the lower;</li>
 *   <li>for each topic with at least {@value #MIN_POSITIVES} validation documents: the grid value that maximises
 *       that topic's own F1 (the topic alone, scores at or above the threshold assigned); equal F1: the value
 *       nearest the global one, then the lower. As in Yang's SCut.FBR, a topic whose best F1 stays under
 *       {@value #MIN_TOPIC_F1} keeps the global threshold instead: a poorly separated topic's F1 is highest at
 *       the lowest threshold, which would assign it to nearly every document;</li>
 *   <li>for every rarer topic (too few positives for its F1 to mean anything; most ModApte topics have only a
 *       handful of documents): the global threshold;</li>
 *   <li>finally, if these per-topic thresholds give a lower validation micro-F1 than the global threshold for
 *       every topic, the global one is used for every topic.</li>
 * </ol>
 * Pure; thread-safe.
 */
public final class ThresholdTuner {

    /** A topic needs this many validation documents for a threshold of its own. */
    public static final int MIN_POSITIVES = 5;
    /** A topic's own threshold must reach at least this F1 on the validation part (the SCut.FBR rank cut). */
    public static final double MIN_TOPIC_F1 = 0.3;
    /** The candidate thresholds, 0.05 to 0.95 by 0.05. */
    public static final List<Double> GRID = grid();

    /** The thresholds tuned, and what decided each. */
    public record Tuned(TopicThresholds thresholds, double globalThreshold, int topicsWithOwnThreshold,
                        double validationMicroF1) {
    }

    private ThresholdTuner() {
    }

    /**
     * Tunes thresholds for {@code scores} ({@code [document][label]}, in (0, 1)) against {@code truth}.
     *
     * @param scorable per document, whether it was scored (false: no known word, it abstains and gets no topic)
     */
    public static Tuned tune(float[][] scores, boolean[][] truth, boolean[] scorable) {
        int labels = truth.length == 0 ? 0 : truth[0].length;
        if (labels == 0) {
            throw new IllegalArgumentException("no validation documents to tune thresholds on");
        }
        double global = bestGlobal(scores, truth, scorable, labels);
        List<Double> thresholds = new ArrayList<>(labels);
        int own = 0;
        for (int t = 0; t < labels; t++) {
            double threshold = positives(truth, t) >= MIN_POSITIVES ? bestForTopic(scores, truth, scorable, t, global)
                    : Double.NaN;
            boolean useOwn = !Double.isNaN(threshold)
                    && topicF1(scores, truth, scorable, t, threshold) >= MIN_TOPIC_F1;
            thresholds.add(useOwn ? threshold : global);
            own += useOwn ? 1 : 0;
        }
        TopicThresholds perTopic = TopicThresholds.of(thresholds);
        TopicThresholds allGlobal = TopicThresholds.of(Collections.nCopies(labels, global));
        double perTopicF1 = MultiLabelEvaluation.microF1(truth, decide(scores, scorable, perTopic));
        double globalF1 = MultiLabelEvaluation.microF1(truth, decide(scores, scorable, allGlobal));
        return perTopicF1 >= globalF1 ? new Tuned(perTopic, global, own, perTopicF1)
                : new Tuned(allGlobal, global, 0, globalF1);
    }

    /** The topic sets the serving rule assigns ({@code [document][label]}); an unscorable document gets none. */
    public static boolean[][] decide(float[][] scores, boolean[] scorable, TopicThresholds thresholds) {
        boolean[][] predicted = new boolean[scores.length][thresholds.size()];
        for (int d = 0; d < scores.length; d++) {
            if (scorable[d]) {
                for (int t : thresholds.assign(scores[d])) {
                    predicted[d][t] = true;
                }
            }
        }
        return predicted;
    }

    private static double bestGlobal(float[][] scores, boolean[][] truth, boolean[] scorable, int labels) {
        double best = Double.NaN;
        double bestF1 = -1;
        for (double candidate : GRID) {
            double f1 = MultiLabelEvaluation.microF1(truth,
                    decide(scores, scorable, TopicThresholds.of(Collections.nCopies(labels, candidate))));
            if (f1 > bestF1 || f1 == bestF1 && Math.abs(candidate - 0.5) < Math.abs(best - 0.5)) {
                best = candidate;
                bestF1 = f1;
            }
        }
        return best;
    }

    private static double bestForTopic(float[][] scores, boolean[][] truth, boolean[] scorable, int topic,
                                       double global) {
        double best = Double.NaN;
        double bestF1 = -1;
        for (double candidate : GRID) {
            double f1 = topicF1(scores, truth, scorable, topic, candidate);
            if (f1 > bestF1 || f1 == bestF1 && Math.abs(candidate - global) < Math.abs(best - global)) {
                best = candidate;
                bestF1 = f1;
            }
        }
        return best;
    }

    /** F1 of one topic when it is assigned to every scorable document whose score is at least {@code threshold}. */
    static double topicF1(float[][] scores, boolean[][] truth, boolean[] scorable, int topic, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int d = 0; d < scores.length; d++) {
            boolean predicted = scorable[d] && scores[d][topic] >= threshold;
            if (predicted && truth[d][topic]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (truth[d][topic]) {
                fn++;
            }
        }
        return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }

    private static int positives(boolean[][] truth, int topic) {
        int n = 0;
        for (boolean[] row : truth) {
            n += row[topic] ? 1 : 0;
        }
        return n;
    }

    private static List<Double> grid() {
        List<Double> grid = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            grid.add(i / 20.0);
        }
        return List.copyOf(grid);
    }
}
