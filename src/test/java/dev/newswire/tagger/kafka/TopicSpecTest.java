package dev.newswire.tagger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "with space", "ünïcode", "slash/ed", "colon:ed"})
    void shouldRejectNamesKafkaWouldRefuse(String name) {
        assertThatThrownBy(() -> new TopicSpec(name, 1, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic name");
    }

    @Test
    void shouldRejectNamesLongerThanKafkaAllows() {
        assertThatThrownBy(() -> new TopicSpec("n".repeat(250), 1, 1, Map.of()))
                .hasMessageContaining("1 to 249 characters");
        assertThatCode(() -> new TopicSpec("n".repeat(249), 1, 1, Map.of())).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptLettersDigitsDotsUnderscoresAndDashes() {
        assertThat(new TopicSpec("News_wire-2.v1", 1, 1, Map.of()).name()).isEqualTo("News_wire-2.v1");
    }

    @Test
    void shouldRejectNonPositivePartitionsAndReplicationFactors() {
        assertThatThrownBy(() -> new TopicSpec("t", 0, 1, Map.of())).hasMessageContaining("partitions");
        assertThatThrownBy(() -> new TopicSpec("t", 1, 0, Map.of())).hasMessageContaining("replicationFactor");
        assertThatThrownBy(() -> new TopicSpec("t", 1, Short.MAX_VALUE + 1, Map.of()))
                .hasMessageContaining("replicationFactor");
    }

    @Test
    void shouldRejectMissingConfigsAndConfigsWithoutValues() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("retention.ms", null);

        assertThatThrownBy(() -> new TopicSpec("t", 1, 1, null)).hasMessageContaining("configs must not be null");
        assertThatThrownBy(() -> new TopicSpec("t", 1, 1, withNull)).hasMessageContaining("retention.ms has no value");
    }

    @Test
    void shouldKeepItsOwnCopyOfTheConfigs() {
        Map<String, String> configs = new HashMap<>(Map.of("retention.ms", "1000"));
        TopicSpec spec = new TopicSpec("t", 1, 1, configs);

        configs.put("cleanup.policy", "compact");

        assertThat(spec.configs()).containsOnlyKeys("retention.ms");
    }

    @Test
    void shouldBecomeACreateRequestWithTheSameShape() {
        NewTopic request = new TopicSpec("t", 3, 2, Map.of("cleanup.policy", "compact")).toNewTopic();

        assertThat(request.name()).isEqualTo("t");
        assertThat(request.numPartitions()).isEqualTo(3);
        assertThat(request.replicationFactor()).isEqualTo((short) 2);
        assertThat(request.configs()).containsExactlyEntriesOf(Map.of("cleanup.policy", "compact"));
    }
}
