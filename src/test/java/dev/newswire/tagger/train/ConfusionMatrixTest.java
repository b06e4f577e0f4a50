package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void shouldCountEveryTruePredictedPairAndTheAbstentionsPerTrueTopic() {
        // truth:     a a a b b c c
        // predicted: a a b b a - c   (- = abstained)
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, new int[] {0, 0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 1, 0, -1, 2});
        assertThat(m.counts()).isDeepEqualTo(new int[][] {
            {2, 1, 0},
            {1, 1, 0},
            {0, 0, 1}});
        assertThat(m.abstained()).containsExactly(0, 0, 1);
        assertThat(m.rowTotal(2)).isEqualTo(2); // one c predicted c, one abstained
        assertThat(m.columnTotal(0)).isEqualTo(3); // a, a from a and one from b
        assertThat(m.correct()).isEqualTo(4);
        assertThat(m.abstainedTotal()).isEqualTo(1);
        assertThat(m.documents()).isEqualTo(7);
    }

    @Test
    void shouldBeTheMatrixTheEvaluationsMetricsComeFrom() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 1, 1, 0, -1, 2};
        Evaluation e = Evaluation.of(LABELS, truth, predicted, 5);
        assertThat(e.confusionMatrix()).isEqualTo(ConfusionMatrix.of(LABELS, truth, predicted));
        assertThat(e.perTopic().get(2).support()).isEqualTo(2);
        assertThat(e.abstained()).isEqualTo(1);
    }

    @Test
    void shouldNotLetCallersChangeItThroughTheArraysTheyPassOrGet() {
        int[][] counts = {{1, 0}, {0, 1}};
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"), counts, new int[] {0, 0});
        counts[0][0] = 99;
        m.counts()[1][1] = 99;
        m.abstained()[0] = 99;
        assertThat(m.count(0, 0)).isEqualTo(1);
        assertThat(m.count(1, 1)).isEqualTo(1);
        assertThat(m.abstainedTotal()).isZero();
    }

    @Test
    void shouldRefuseLabelIndicesOutsideTheLabels() {
        assertThatThrownBy(() -> ConfusionMatrix.of(LABELS, new int[] {3}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true label 3");
        assertThatThrownBy(() -> ConfusionMatrix.of(LABELS, new int[] {0}, new int[] {-2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted -2");
        assertThatThrownBy(() -> ConfusionMatrix.of(LABELS, new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }
}
