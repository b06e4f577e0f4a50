package dev.newswire.tagger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static final Path LOG_DIR = Path.of("/tmp/embedded-test/log");

    @Test
    void shouldListenAndAdvertiseOnLoopbackOnly() {
        Map<String, String> props = EmbeddedKafkaBroker.brokerProperties(LOG_DIR, 9092, 9093, Map.of());

        assertThat(props.get("listeners")).isEqualTo("BROKER://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.get("advertised.listeners")).isEqualTo("BROKER://127.0.0.1:9092");
        assertThat(props.get("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(props.get("process.roles")).isEqualTo("broker,controller");
        assertThat(props.get("log.dirs")).isEqualTo(LOG_DIR.toString());
    }

    @Test
    void shouldAcceptRecordsAsLargeAsEveryTopicAllows() {
        Map<String, String> props = EmbeddedKafkaBroker.brokerProperties(LOG_DIR, 9092, 9093, Map.of());
        int brokerLimit = Integer.parseInt(props.get("message.max.bytes"));

        assertThat(TopicSpecs.loadDefault()).allSatisfy(spec -> assertThat(
                Integer.parseInt(spec.configs().getOrDefault("max.message.bytes", "0")))
                .as("max.message.bytes of %s", spec.name())
                .isLessThan(brokerLimit));
    }

    @Test
    void shouldUseSingleNodeSettingsAndNeverAutoCreateTopics() {
        Map<String, String> props = EmbeddedKafkaBroker.brokerProperties(LOG_DIR, 9092, 9093, Map.of());

        assertThat(props).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void shouldLetExtraPropertiesOverrideTheDefaults() {
        Map<String, String> props = EmbeddedKafkaBroker.brokerProperties(LOG_DIR, 9092, 9093,
                Map.of("num.partitions", "3", "log.retention.hours", "1"));

        assertThat(props).containsEntry("num.partitions", "3").containsEntry("log.retention.hours", "1");
    }

    @Test
    void shouldRefuseExtraPropertiesThatWouldBreakItsOwnSetup() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(-1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }

    @Test
    void shouldReserveTheIdentityListenerAndStoragePropertiesItSetsItself() {
        Map<String, String> props = EmbeddedKafkaBroker.brokerProperties(LOG_DIR, 9092, 9093, Map.of());

        assertThat(Arrays.asList("process.roles", "node.id", "listeners", "advertised.listeners",
                "controller.quorum.voters", "log.dirs")).allSatisfy(key -> {
                    assertThat(props).containsKey(key);
                    assertThat(EmbeddedKafkaBroker.RESERVED_PROPERTIES).contains(key);
                });
    }
}
