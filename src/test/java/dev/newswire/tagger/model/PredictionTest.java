package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTest {

    private static final List<String> LABELS = List.of("a", "b", "c", "d");

    @Test
    void shouldListTheKBestTopicsBestFirst() {
        Prediction p = Prediction.decode(new float[] {0.1f, 0.5f, 0.15f, 0.25f}, LABELS, 3);
        assertThat(p.topic()).isEqualTo("b");
        assertThat(p.confidence()).isEqualTo(0.5f);
        assertThat(p.top()).extracting(TopicScore::topic).containsExactly("b", "d", "c");
        assertThat(p.abstained()).isFalse();
    }

    @Test
    void shouldBreakTiesTowardsTheLowerLabelIndex() {
        Prediction p = Prediction.decode(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, LABELS, 2);
        assertThat(p.top()).extracting(TopicScore::topic).containsExactly("a", "b");
    }

    @Test
    void shouldCapKAtTheNumberOfLabels() {
        assertThat(Prediction.decode(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, LABELS, 10).top()).hasSize(4);
    }

    @Test
    void shouldRefuseNaNScoresAndMismatchedLengths() {
        assertThatThrownBy(() -> Prediction.decode(new float[] {Float.NaN, 0, 0, 0}, LABELS, 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Prediction.decode(new float[] {1f}, LABELS, 1)).hasMessageContaining("1 scores for 4 labels");
    }

    @Test
    void shouldAbstainWithoutTopic() {
        Prediction p = Prediction.abstain();
        assertThat(p.topic()).isNull();
        assertThat(p.top()).isEmpty();
        assertThat(p.abstained()).isTrue();
    }
}
