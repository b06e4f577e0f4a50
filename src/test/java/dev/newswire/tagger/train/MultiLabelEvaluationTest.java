package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiLabelEvaluationTest {

    private static final boolean T = true;
    private static final boolean F = false;

    /**
     * Three documents, three topics (by hand):
     * doc 0 truth {a, b}, predicted {a}      → a TP, b FN
     * doc 1 truth {b},    predicted {b, c}   → b TP, c FP
     * doc 2 truth {a},    predicted {a}      → a TP (exact)
     * TP 3, FP 1, FN 1: micro P = 3/4, R = 3/4, F1 = 3/4.
     * a: P 2/2, R 2/2, F1 1; b: P 1/1, R 1/2, F1 2/3; c: P 0/1, R 0 (no support), F1 0.
     * macro-F1 over the three (c was predicted) = (1 + 2/3 + 0) / 3 = 5/9; subset accuracy 1/3.
     */
    @Test
    void shouldComputeMicroMacroAndSubsetMetricsAsByHand() {
        boolean[][] truth = {{T, T, F}, {F, T, F}, {T, F, F}};
        boolean[][] predicted = {{T, F, F}, {F, T, T}, {T, F, F}};
        MultiLabelEvaluation e = MultiLabelEvaluation.of(List.of("a", "b", "c"), truth, predicted, 0);
        assertThat(e.documents()).isEqualTo(3);
        assertThat(e.microPrecision()).isCloseTo(0.75, within(1e-12));
        assertThat(e.microRecall()).isCloseTo(0.75, within(1e-12));
        assertThat(e.microF1()).isCloseTo(0.75, within(1e-12));
        assertThat(e.macroF1()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(e.exactMatches()).isEqualTo(1);
        assertThat(e.subsetAccuracy()).isCloseTo(1.0 / 3, within(1e-12));
        MultiLabelEvaluation.TopicMetrics b = e.perTopic().get(1);
        assertThat(b.topic()).isEqualTo("b");
        assertThat(b.precision()).isEqualTo(1.0);
        assertThat(b.recall()).isEqualTo(0.5);
        assertThat(b.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(b.support()).isEqualTo(2);
        assertThat(b.predicted()).isEqualTo(1);
        assertThat(MultiLabelEvaluation.microF1(truth, predicted)).isCloseTo(0.75, within(1e-12));
    }

    /** Micro-F1 weighs every decision; macro-F1 every topic: a rare topic missed costs macro much more. */
    @Test
    void shouldLeaveOutOfMacroATopicNeitherTrueNorPredictedAndCountAnAbstentionAsMisses() {
        // Four documents of topic a, one of b; b always missed, one document abstains (empty row).
        boolean[][] truth = {{T, F, F}, {T, F, F}, {T, F, F}, {T, T, F}};
        boolean[][] predicted = {{T, F, F}, {T, F, F}, {T, F, F}, {F, F, F}};
        MultiLabelEvaluation e = MultiLabelEvaluation.of(List.of("a", "b", "never"), truth, predicted, 1);
        // TP 3, FP 0, FN 2: P 1, R 3/5, F1 = 2 * 0.6 / 1.6 = 0.75.
        assertThat(e.microF1()).isCloseTo(0.75, within(1e-12));
        // a: P 1, R 3/4, F1 6/7; b: 0; "never" left out → (6/7 + 0) / 2 = 3/7.
        assertThat(e.macroF1()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(e.abstained()).isEqualTo(1);
        assertThat(e.subsetAccuracy()).isCloseTo(0.75, within(1e-12));
    }
}
