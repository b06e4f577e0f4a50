package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicThresholdsTest {

    private static final List<String> LABELS = List.of("a", "b", "c", "d");
    private final TopicThresholds thresholds = TopicThresholds.of(List.of(0.5, 0.3, 0.7, 0.5));

    @Test
    void shouldAssignEveryTopicAtOrAboveItsThresholdBestFirst() {
        // a 0.6 >= 0.5, b 0.3 >= 0.3 (equal counts), c 0.69 < 0.7, d 0.9 >= 0.5
        assertThat(thresholds.assign(new float[] {0.6f, 0.3f, 0.69f, 0.9f})).containsExactly(3, 0, 1);
    }

    @Test
    void shouldFallBackToTheBestTopicWhenNoneReachesItsThreshold() {
        assertThat(thresholds.assign(new float[] {0.2f, 0.1f, 0.6f, 0.4f})).containsExactly(2);
    }

    @Test
    void shouldNotPutTheBestTopicAmongTheTopicsWhenItMissesItsThresholdAndAnotherPasses() {
        Prediction p = Prediction.decode(new float[] {0.1f, 0.35f, 0.65f, 0.2f}, LABELS, 2, thresholds);
        assertThat(p.topic()).isEqualTo("c");
        assertThat(p.top()).extracting(TopicScore::topic).containsExactly("c", "b");
        assertThat(p.topics()).extracting(TopicScore::topic).containsExactly("b");
        assertThat(p.topics().get(0).score()).isEqualTo(0.35f);
        assertThat(p.multiLabel()).isTrue();
    }

    @Test
    void shouldRefuseThresholdsOutsideTheOpenUnitIntervalAndScoresOfAnotherLength() {
        assertThatThrownBy(() -> TopicThresholds.of(List.of(0.5, 1.0))).hasMessageContaining("threshold 1");
        assertThatThrownBy(() -> TopicThresholds.of(List.of(Double.NaN))).hasMessageContaining("threshold 0");
        assertThatThrownBy(() -> TopicThresholds.of(List.of())).hasMessageContaining("empty");
        assertThatThrownBy(() -> thresholds.assign(new float[] {0.5f})).hasMessageContaining("1 scores for 4 thresholds");
    }

    @Test
    void shouldKeepSingleLabelPredictionsWithoutTopics() {
        Prediction p = Prediction.decode(new float[] {0.1f, 0.2f, 0.6f, 0.1f}, LABELS, 2);
        assertThat(p.topics()).isNull();
        assertThat(p.multiLabel()).isFalse();
        assertThat(Prediction.abstainMultiLabel().topics()).isEmpty();
        assertThatThrownBy(() -> new Prediction("a", 0.5, List.of(new TopicScore("a", 0.5)), false, List.of()))
                .hasMessageContaining("topics exactly when it did not abstain");
    }
}
