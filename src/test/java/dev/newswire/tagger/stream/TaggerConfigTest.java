package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.model.InferenceEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerConfigTest {

    @Test
    void shouldLoadTheShippedConfigurationFile() throws IOException {
        TaggerConfig config = TaggerConfig.load(Path.of("config/tagger.properties"), Map.of());
        assertThat(config.inputTopic()).isEqualTo("newswire");
        assertThat(config.outputTopic()).isEqualTo("newswire-tagged");
        assertThat(config.dlqTopic()).isEqualTo("newswire-dlq");
        assertThat(config.modelPath()).isEmpty();
        assertThat(config.topK()).isEqualTo(3);
        assertThat(config.inferenceEngine()).isEqualTo(InferenceEngine.FAST);
    }

    @Test
    void shouldChooseTheInferenceEngine() {
        assertThat(TaggerConfig.defaults("k:9092").inferenceEngine()).isEqualTo(InferenceEngine.FAST);
        assertThat(TaggerConfig.fromMap(Map.of("inference.engine", "dl4j")).inferenceEngine()).isEqualTo(InferenceEngine.DL4J);
        assertThat(TaggerConfig.fromMap(Map.of("inference.engine", " FAST ")).inferenceEngine()).isEqualTo(InferenceEngine.FAST);
        assertThat(TaggerConfig.withEnvironment(Map.of(), Map.of("NEWSWIRE_INFERENCE_ENGINE", "dl4j")))
                .containsEntry("inference.engine", "dl4j");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("inference.engine", "gpu")))
                .isInstanceOf(ConfigException.class).hasMessage("inference.engine must be fast or dl4j, got 'gpu'");
    }

    @Test
    void shouldLetEnvironmentVariablesOverrideKeys(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.properties");
        Files.writeString(file, "bootstrap.servers=localhost:9092\nclassification.top.k=3\n");
        TaggerConfig config = TaggerConfig.load(file, Map.of(
                "NEWSWIRE_BOOTSTRAP_SERVERS", "kafka:19092",
                "NEWSWIRE_CLASSIFICATION_TOP_K", "5",
                "NEWSWIRE_STREAMS_COMMIT_INTERVAL_MS", "250",
                "UNRELATED", "x"));
        assertThat(config.bootstrapServers()).isEqualTo("kafka:19092");
        assertThat(config.topK()).isEqualTo(5);
        Properties streams = config.streamsProperties();
        assertThat(streams.getProperty("commit.interval.ms")).isEqualTo("250");
        assertThat(streams.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("newswire-dlq");
    }

    @Test
    void shouldGiveTheStreamsProducerAShortLingerAndLargeBatchesUnlessOverridden() {
        Properties defaults = TaggerConfig.fromMap(Map.of()).streamsProperties();
        assertThat(new StreamsConfig(defaults).getProducerConfigs("client"))
                .containsEntry("linger.ms", 5)
                .containsEntry("batch.size", 1024 * 1024);

        Properties overridden = TaggerConfig.fromMap(Map.of("streams.producer.linger.ms", "100",
                "streams.producer.batch.size", "16384")).streamsProperties();
        assertThat(new StreamsConfig(overridden).getProducerConfigs("client"))
                .containsEntry("linger.ms", "100")
                .containsEntry("batch.size", "16384");
    }

    @Test
    void shouldNameTheBadKeyInItsError() {
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("classification.top.k", "three")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("classification.top.k");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("input.topik", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown configuration key 'input.topik'");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("processing.guarantee", "exactly_once")))
                .hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("output.topic", "newswire")))
                .hasMessageContaining("must be six different topics");
    }

    @Test
    void shouldSizeDeadLettersToTheDeadLetterTopicOfTopicsJson() throws IOException {
        int topicLimit = Integer.parseInt(TopicSpecs.find(TopicSpecs.loadDefault(), "newswire-dlq")
                .configs().get("max.message.bytes"));
        assertThat(TaggerConfig.defaults("k:9092").dlqMaxMessageBytes()).isEqualTo(topicLimit);
        assertThat(TaggerConfig.load(Path.of("config/tagger.properties"), Map.of()).dlqMaxMessageBytes()).isEqualTo(topicLimit);
        Properties streams = TaggerConfig.fromMap(Map.of("dlq.max.message.bytes", "65536")).streamsProperties();
        assertThat(streams.get(DeadLetterRecords.MAX_BYTES_CONFIG)).isEqualTo(65536);
        assertThat(streams.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandler.class.getName());
        assertThat(streams.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(SerializationDeadLetterHandler.class.getName());
    }

    @Test
    void shouldRefuseADeadLetterLimitTheProducerCouldNotSendOrTooSmallForTheHeaders() {
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("dlq.max.message.bytes", "8388608")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dlq.max.message.bytes")
                .hasMessageContaining("max.request.size (4194304)");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("dlq.max.message.bytes", "100")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dlq.max.message.bytes");
        assertThat(TaggerConfig.fromMap(Map.of("dlq.max.message.bytes", "8388608",
                "streams.producer.max.request.size", "8388608")).dlqMaxMessageBytes()).isEqualTo(8388608);
    }

    @Test
    void shouldReadTheThreadReplacementPolicyWithItsDefaultsAndOverrides(@TempDir Path dir) throws IOException {
        assertThat(TaggerConfig.load(Path.of("config/tagger.properties"), Map.of()).threadReplacements())
                .isEqualTo(new ThreadReplacementPolicy(3, Duration.ofMinutes(10)));
        assertThat(TaggerConfig.defaults("k:9092").threadReplacements())
                .isEqualTo(new ThreadReplacementPolicy(3, Duration.ofMinutes(10)));
        Path file = dir.resolve("t.properties");
        Files.writeString(file, "failure.max.thread.replacements=5\nfailure.thread.replacement.window.ms=60000\n");
        assertThat(TaggerConfig.load(file, Map.of()).threadReplacements())
                .isEqualTo(new ThreadReplacementPolicy(5, Duration.ofMinutes(1)));
        assertThat(TaggerConfig.load(file, Map.of("NEWSWIRE_FAILURE_MAX_THREAD_REPLACEMENTS", "0",
                "NEWSWIRE_FAILURE_THREAD_REPLACEMENT_WINDOW_MS", "1500")).threadReplacements())
                .isEqualTo(new ThreadReplacementPolicy(0, Duration.ofMillis(1500)));
    }

    @Test
    void shouldRefuseANegativeReplacementCountOrANonPositiveWindow() {
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("failure.max.thread.replacements", "-1")))
                .isInstanceOf(ConfigException.class).hasMessage("failure.max.thread.replacements must be 0 or more, got -1");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("failure.max.thread.replacements", "many")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("failure.max.thread.replacements must be a whole number");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("failure.thread.replacement.window.ms", "0")))
                .isInstanceOf(ConfigException.class).hasMessage("failure.thread.replacement.window.ms must be 1 or more, got 0");
        assertThatThrownBy(() -> TaggerConfig.fromMap(Map.of("failure.thread.replacement.window.ms", "10m")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("failure.thread.replacement.window.ms must be a whole number");
    }

    @Test
    void shouldDeriveEnvironmentVariableNames() {
        assertThat(TaggerConfig.envName("bootstrap.servers")).isEqualTo("NEWSWIRE_BOOTSTRAP_SERVERS");
        assertThat(TaggerConfig.envName("max.article-bytes")).isEqualTo("NEWSWIRE_MAX_ARTICLE_BYTES");
    }
}
