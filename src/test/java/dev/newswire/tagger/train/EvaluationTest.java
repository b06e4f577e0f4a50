package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void shouldComputeAccuracyPerTopicMetricsAndMacroF1ByHand() {
        // truth:     a a a b b c
        // predicted: a a b b a -1 (abstained)
        Evaluation e = Evaluation.of(LABELS, new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 0, -1}, 5);
        assertThat(e.documents()).isEqualTo(6);
        assertThat(e.correct()).isEqualTo(3);
        assertThat(e.abstained()).isEqualTo(1);
        assertThat(e.accuracy()).isCloseTo(0.5, within(1e-12));
        Evaluation.TopicMetrics a = e.perTopic().get(0);
        assertThat(a.precision()).isCloseTo(2.0 / 3, within(1e-12)); // 2 of 3 predicted a are a
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.support()).isEqualTo(3);
        Evaluation.TopicMetrics b = e.perTopic().get(1);
        assertThat(b.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(b.recall()).isCloseTo(0.5, within(1e-12));
        Evaluation.TopicMetrics c = e.perTopic().get(2);
        assertThat(c.f1()).isZero();
        // macro-F1 over a, b, c: (2/3 + 1/2 + 0) / 3
        assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.5) / 3, within(1e-12));
        assertThat(e.mostConfused()).containsExactly(new Evaluation.Confusion("a", "b", 1), new Evaluation.Confusion("b", "a", 1));
    }

    @Test
    void shouldLeaveTopicsAbsentFromTruthAndPredictionsOutOfMacroF1() {
        Evaluation e = Evaluation.of(LABELS, new int[] {0, 1}, new int[] {0, 1}, 5);
        assertThat(e.macroF1()).isEqualTo(1.0);
        assertThat(e.mostConfused()).isEmpty();
    }
}
