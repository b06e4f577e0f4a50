package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdTunerTest {

    @Test
    void shouldGiveATopicWithEnoughPositivesTheGridThresholdOfItsBestF1() {
        // Topic 0: 6 positives scoring 0.32, 4 negatives scoring 0.2; any threshold in (0.2, 0.32] separates them:
        // 0.25 and 0.30 give F1 1; at 0.20 the negatives come in, at 0.35 the positives drop out. Equal F1: the one
        // nearest the global threshold. Topic 1 (the rest): 10 positives at 0.9, never below.
        float[][] scores = new float[10][];
        boolean[][] truth = new boolean[10][];
        for (int d = 0; d < 10; d++) {
            boolean positive = d < 6;
            scores[d] = new float[] {positive ? 0.32f : 0.2f, 0.9f};
            truth[d] = new boolean[] {positive, true};
        }
        ThresholdTuner.Tuned tuned = ThresholdTuner.tune(scores, truth, all(10));
        assertThat(tuned.thresholds().threshold(0)).isCloseTo(0.30, within(1e-12));
        assertThat(tuned.topicsWithOwnThreshold()).isEqualTo(2);
        assertThat(tuned.validationMicroF1()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldGiveATopicWithTooFewPositivesTheGlobalThreshold() {
        // Topic 1 has 2 positives (< 5): it gets the global threshold, whatever its own best would be.
        float[][] scores = new float[10][];
        boolean[][] truth = new boolean[10][];
        for (int d = 0; d < 10; d++) {
            scores[d] = new float[] {d < 6 ? 0.8f : 0.1f, d < 2 ? 0.12f : 0.01f};
            truth[d] = new boolean[] {d < 6, d < 2};
        }
        ThresholdTuner.Tuned tuned = ThresholdTuner.tune(scores, truth, all(10));
        assertThat(tuned.thresholds().threshold(1)).isEqualTo(tuned.globalThreshold());
        assertThat(ThresholdTuner.topicF1(scores, truth, all(10), 1, 0.10)).isEqualTo(1.0); // its own would be 0.10
    }

    @Test
    void shouldKeepTheGlobalThresholdForATopicWhoseBestF1IsPoor() {
        // Topic 0 is not separated: 5 positives and 45 negatives all score 0.06. Its best F1 (at 0.05: all
        // assigned) is 2*5/(2*5+45) = 0.18 < 0.3, so it keeps the global threshold; topic 1 decides the global one.
        float[][] scores = new float[50][];
        boolean[][] truth = new boolean[50][];
        for (int d = 0; d < 50; d++) {
            scores[d] = new float[] {0.06f, d % 2 == 0 ? 0.7f : 0.2f};
            truth[d] = new boolean[] {d < 5, d % 2 == 0};
        }
        ThresholdTuner.Tuned tuned = ThresholdTuner.tune(scores, truth, all(50));
        assertThat(ThresholdTuner.topicF1(scores, truth, all(50), 0, 0.05)).isCloseTo(10.0 / 55, within(1e-12));
        assertThat(tuned.thresholds().threshold(0)).isEqualTo(tuned.globalThreshold());
        assertThat(tuned.topicsWithOwnThreshold()).isEqualTo(1);
        assertThat(tuned.globalThreshold()).isGreaterThan(0.2).isLessThanOrEqualTo(0.7);
    }

    @Test
    void shouldGiveAnUnscorableDocumentNoTopic() {
        boolean[][] decided = ThresholdTuner.decide(new float[][] {{0.9f, 0.1f}, {0.9f, 0.1f}}, new boolean[] {true, false},
                dev.newswire.tagger.model.TopicThresholds.of(java.util.List.of(0.5, 0.5)));
        assertThat(decided[0]).containsExactly(true, false);
        assertThat(decided[1]).containsExactly(false, false);
    }

    private static boolean[] all(int n) {
        boolean[] s = new boolean[n];
        java.util.Arrays.fill(s, true);
        return s;
    }
}
