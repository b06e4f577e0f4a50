package dev.newswire.tagger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class TopicDiffTest {

    private static final TopicSpec DLQ = new TopicSpec("dlq", 2, 1,
            Map.of("retention.ms", "1209600000", "max.message.bytes", "2097152"));

    @Test
    void shouldFindNothingToDoWhenTheTopicMatches() {
        TopicDiff diff = TopicDiff.between(DLQ, new TopicState("dlq", 2, 1, DLQ.configs()));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.warnings()).isEmpty();
    }

    @Test
    void shouldSetOnlyTheConfigValuesThatDiffer() {
        TopicState current = new TopicState("dlq", 2, 1,
                Map.of("retention.ms", "86400000", "max.message.bytes", "2097152"));

        TopicDiff diff = TopicDiff.between(DLQ, current);

        assertThat(diff.configUpdates()).containsExactlyEntriesOf(Map.of("retention.ms", "1209600000"));
        assertThat(diff.changes()).containsExactly("retention.ms: 86400000 -> 1209600000");
        assertThat(diff.partitionsIncrease()).isEmpty();
    }

    @Test
    void shouldSetAConfigTheBrokerReportsNoValueFor() {
        TopicDiff diff = TopicDiff.between(DLQ, new TopicState("dlq", 2, 1, Map.of("max.message.bytes", "2097152")));

        assertThat(diff.configUpdates()).containsOnlyKeys("retention.ms");
        assertThat(diff.changes()).containsExactly("retention.ms: (unset) -> 1209600000");
    }

    @Test
    void shouldGrowATopicWithFewerPartitionsThanItsSpec() {
        TopicDiff diff = TopicDiff.between(DLQ, new TopicState("dlq", 1, 1, DLQ.configs()));

        assertThat(diff.partitionsIncrease()).isEqualTo(OptionalInt.of(2));
        assertThat(diff.changes()).containsExactly("partitions: 1 -> 2");
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void shouldOnlyWarnAboutExtraPartitionsAndAnotherReplicationFactor() {
        TopicDiff diff = TopicDiff.between(DLQ, new TopicState("dlq", 5, 3, DLQ.configs()));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.warnings()).hasSize(2)
                .anySatisfy(warning -> assertThat(warning).contains("5 partitions"))
                .anySatisfy(warning -> assertThat(warning).contains("replication factor 3"));
    }
}
