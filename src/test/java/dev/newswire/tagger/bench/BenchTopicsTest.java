package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.kafka.TopicSpec;
import dev.newswire.tagger.stream.TaggerConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTopicsTest {

    @Test
    void shouldNameEveryTopicAfterTheProjectsWithTheRunsSuffix() {
        BenchTopics topics = BenchTopics.named("r1");

        assertThat(topics.input()).isEqualTo("newswire-bench-r1");
        assertThat(topics.output()).isEqualTo("newswire-tagged-bench-r1");
        assertThat(topics.dlq()).isEqualTo("newswire-dlq-bench-r1");
        assertThat(topics.byKey().get("input.topic").partitions()).isEqualTo(4);
        assertThat(topics.byKey().get("model.topic").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.byKey().values()).extracting(TopicSpec::name).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void shouldGiveTheTaggerAValidConfiguration() {
        Map<String, String> values = new HashMap<>(BenchTopics.named("r2").configEntries());
        values.put("bootstrap.servers", "localhost:1");

        TaggerConfig config = TaggerConfig.fromMap(values);

        assertThat(config.modelTopic()).isEqualTo("newswire-models-bench-r2");
        assertThat(config.shadowTopic()).isEqualTo("newswire-shadow-bench-r2");
    }

    @Test
    void shouldMakeANewSuffixForEveryRun() {
        assertThat(BenchTopics.fresh().run()).isNotEqualTo(BenchTopics.fresh().run());
    }
}
