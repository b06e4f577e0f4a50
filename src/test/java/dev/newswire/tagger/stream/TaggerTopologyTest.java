package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.ModelBundle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaggerTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant T0 = Instant.parse("1987-03-02T12:00:00Z");
    private static ModelBundle model;

    private final TaggerConfig config = TaggerConfig.defaults("unused:9092");

    @BeforeAll
    static void trainFixture() {
        model = FixtureModels.bundle();
    }

    private TopologyTestDriver driver() {
        Topology topology = TaggerTopology.build(config, ModelSource.fixed(model), Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = config.streamsProperties();
        return new TopologyTestDriver(topology, props);
    }

    private TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver) {
        return driver.createInputTopic(config.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<byte[], ObjectNode> output(TopologyTestDriver driver) {
        return driver.createOutputTopic(config.outputTopic(), new ByteArrayDeserializer(), JsonSerde.tagged().deserializer());
    }

    private TestOutputTopic<byte[], byte[]> deadLetters(TopologyTestDriver driver) {
        return driver.createOutputTopic(config.dlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldScoreWithTheConfiguredInferenceEngine() {
        ModelBundle twoFaced = FixtureModels.bundleWithOtherFastWeights();
        String text = "crude oil barrel opec output";
        for (InferenceEngine engine : InferenceEngine.values()) {
            TaggerConfig chosen = TaggerConfig.fromMap(java.util.Map.of("inference.engine", engine.id()));
            float[] expected = twoFaced.newClassifier(engine).scores(twoFaced.vectorizer().vectorize(text));
            try (TopologyTestDriver driver = new TopologyTestDriver(
                    TaggerTopology.build(chosen, ModelSource.fixed(twoFaced)), chosen.streamsProperties())) {
                input(driver).pipeInput(utf8("a-1"), utf8("{\"id\":\"a-1\",\"body\":\"" + text + "\"}"), T0);
                JsonNode top = output(driver).readValue().get("classification").get("top");
                for (JsonNode t : top) {
                    int label = twoFaced.labels().indexOf(t.get("topic").asText());
                    assertThat(t.get("score").asDouble()).as("%s", engine).isEqualTo(expected[label]);
                }
            }
        }
        // Which proves something only because the two engines of this bundle disagree.
        float[] fast = twoFaced.newClassifier(InferenceEngine.FAST).scores(twoFaced.vectorizer().vectorize(text));
        float[] dl4j = twoFaced.newClassifier(InferenceEngine.DL4J).scores(twoFaced.vectorizer().vectorize(text));
        assertThat(fast).isNotEqualTo(dl4j);
    }

    @Test
    void shouldTagAnArticleKeepingKeyTimestampAndUnknownFields() {
        try (TopologyTestDriver driver = driver()) {
            input(driver).pipeInput(utf8("a-1"), utf8("{\"id\":\"a-1\",\"headline\":\"OPEC crude output\","
                    + "\"body\":\"Crude oil barrel prices rose\",\"published_at\":\"1987-03-02\",\"desk\":{\"x\":1}}"), T0);

            TestRecord<byte[], ObjectNode> out = output(driver).readRecord();
            assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("a-1");
            assertThat(out.getRecordTime()).isEqualTo(T0);
            ObjectNode value = out.value();
            assertThat(value.get("headline").asText()).isEqualTo("OPEC crude output");
            assertThat(value.get("published_at").asText()).isEqualTo("1987-03-02");
            assertThat(value.get("desk").get("x").asInt()).isEqualTo(1);
            JsonNode c = value.get("classification");
            assertThat(c.get("topic").asText()).isEqualTo("crude");
            assertThat(c.get("abstained").asBoolean()).isFalse();
            assertThat(c.get("confidence").asDouble()).isBetween(0.34, 1.0);
            assertThat(c.get("top")).hasSize(3);
            assertThat(c.get("top").get(0).get("topic").asText()).isEqualTo("crude");
            assertThat(c.get("top").get(0).get("score").asDouble()).isEqualTo(c.get("confidence").asDouble());
            assertThat(c.get("model").get("name").asText()).isEqualTo("fixture");
            assertThat(c.get("model").get("version").asText()).isEqualTo("1");
            assertThat(c.get("model").get("id").asText()).isEqualTo(model.id());
            assertThat(c.get("classified_at").asText()).isEqualTo(NOW.toString());
            assertThat(deadLetters(driver).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldAbstainOnAnArticleWithoutKnownWords() {
        try (TopologyTestDriver driver = driver()) {
            input(driver).pipeInput(utf8("jp"), utf8("{\"id\":\"jp\",\"headline\":\"東京株式市場\",\"body\":\"日経平均株価\"}"), T0);
            JsonNode c = output(driver).readValue().get("classification");
            assertThat(c.get("topic").isNull()).isTrue();
            assertThat(c.get("abstained").asBoolean()).isTrue();
            assertThat(c.get("top")).isEmpty();
        }
    }

    @Test
    void shouldRouteEveryKindOfBadInputToTheDeadLetterTopicAndGoOn() {
        List<byte[]> bad = List.of(
                utf8("{not json"),
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                utf8("[1,2,3]"),
                utf8("{\"headline\":\"no id\"}"),
                utf8("{\"id\":\"\"}"),
                utf8("{\"id\":42}"),
                utf8("{\"id\":\"x\",\"headline\":[\"not\",\"a\",\"string\"]}"),
                utf8("{\"id\":\"x\",\"body\":7}"),
                utf8("{\"id\":\"\\ud800\",\"body\":\"oil\"}"),
                utf8("{\"id\":\"a\",\"id\":\"b\"}"),
                utf8("{\"id\":\"a\"} {\"id\":\"b\"}"));
        List<String> reasons = List.of("malformed-json", "invalid-utf8", "not-an-object", "missing-id", "missing-id",
                "wrong-type", "wrong-type", "wrong-type", "invalid-unicode", "malformed-json", "malformed-json");
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<byte[], byte[]> in = input(driver);
            for (int i = 0; i < bad.size(); i++) {
                in.pipeInput(utf8("k" + i), bad.get(i), T0.plusSeconds(i));
            }
            in.pipeInput(utf8("good"), utf8("{\"id\":\"good\",\"body\":\"wheat grain\"}"), T0.plusSeconds(100));

            List<TestRecord<byte[], byte[]>> dead = deadLetters(driver).readRecordsToList();
            assertThat(dead).hasSize(bad.size());
            for (int i = 0; i < bad.size(); i++) {
                TestRecord<byte[], byte[]> d = dead.get(i);
                assertThat(d.value()).as("original bytes of input %d", i).isEqualTo(bad.get(i));
                assertThat(d.key()).isEqualTo(utf8("k" + i));
                assertThat(header(d, DeadLetterHandler.REASON_HEADER)).isEqualTo(reasons.get(i));
                assertThat(header(d, "__streams.errors.topic")).isEqualTo(config.inputTopic());
                assertThat(header(d, "__streams.errors.partition")).isEqualTo("0");
                assertThat(header(d, "__streams.errors.offset")).isEqualTo(String.valueOf(i));
                assertThat(header(d, "__streams.errors.exception")).isEqualTo(InvalidArticleException.class.getName());
                assertThat(header(d, "__streams.errors.message")).isNotBlank();
                assertThat(header(d, DeadLetterRecords.TIMESTAMP_HEADER)).isEqualTo(String.valueOf(T0.plusSeconds(i).toEpochMilli()));
                assertThat(d.getRecordTime()).isEqualTo(T0.plusSeconds(i));
                assertThat(header(d, DeadLetterRecords.VERSION_HEADER)).isEqualTo(dev.newswire.tagger.AppVersion.current());
                assertThat(d.headers().lastHeader(DeadLetterRecords.TRUNCATED_HEADER)).isNull();
            }
            List<ObjectNode> tagged = output(driver).readValuesToList();
            assertThat(tagged).hasSize(1);
            assertThat(tagged.get(0).get("classification").get("topic").asText()).isEqualTo("grain");
        }
    }

    @Test
    void shouldDeadLetterAValueLargerThanTheLimit() {
        TaggerConfig small = TaggerConfig.fromMap(java.util.Map.of("bootstrap.servers", "x:1", "max.article.bytes", "64"));
        Topology topology = TaggerTopology.build(small, ModelSource.fixed(model));
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, small.streamsProperties())) {
            byte[] big = utf8("{\"id\":\"big\",\"body\":\"" + "wheat ".repeat(20) + "\"}");
            input(driver).pipeInput(utf8("big"), big, T0);
            TestRecord<byte[], byte[]> d = deadLetters(driver).readRecord();
            assertThat(header(d, DeadLetterHandler.REASON_HEADER)).isEqualTo("too-large");
            assertThat(output(driver).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldCutADeadLetterToTheDeadLetterTopicsLimitAndSaySo() {
        TaggerConfig small = TaggerConfig.fromMap(java.util.Map.of("max.article.bytes", "10000", "dlq.max.message.bytes", "16384"));
        byte[] big = utf8("{\"id\":\"big\",\"body\":\"" + "wheat ".repeat(5000) + "\"}");
        try (TopologyTestDriver driver = new TopologyTestDriver(TaggerTopology.build(small, ModelSource.fixed(model)),
                small.streamsProperties())) {
            input(driver).pipeInput(utf8("big"), big, T0);
            TestRecord<byte[], byte[]> d = deadLetters(driver).readRecord();
            assertThat(header(d, DeadLetterHandler.REASON_HEADER)).isEqualTo("too-large");
            assertThat(header(d, DeadLetterRecords.TRUNCATED_HEADER)).isEqualTo("value");
            assertThat(header(d, DeadLetterRecords.ORIGINAL_SIZE_HEADER)).isEqualTo(String.valueOf(big.length));
            assertThat(d.value()).isEqualTo(java.util.Arrays.copyOf(big, d.value().length));
            int batch = org.apache.kafka.common.record.internal.MemoryRecords.withRecords(
                    org.apache.kafka.common.compress.Compression.NONE, new org.apache.kafka.common.record.internal.SimpleRecord(
                            d.timestamp(), d.key(), d.value(), d.headers().toArray())).sizeInBytes();
            assertThat(batch).as("bytes in a record batch of its own").isBetween(16384 - 300, 16384);
            assertThat(deadLetters(driver).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldDeadLetterTheInputOfAnOutputThatCannotBeSerialized() {
        // An output larger than the output topic takes (output.max.bytes) cannot be written: its input is
        // dead-lettered, and the next article goes through.
        TaggerConfig small = TaggerConfig.fromMap(Map.of("bootstrap.servers", "dummy:9092", "output.max.bytes", "2048"));
        byte[] big = utf8("{\"id\":\"big\",\"body\":\"crude oil " + "x".repeat(1900) + "\"}");
        try (TopologyTestDriver driver = new TopologyTestDriver(TaggerTopology.build(small, ModelSource.fixed(model),
                Clock.fixed(NOW, ZoneOffset.UTC)), small.streamsProperties())) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(small.inputTopic(), new ByteArraySerializer(),
                    new ByteArraySerializer());
            in.pipeInput(utf8("big"), big, T0);
            in.pipeInput(utf8("next"), utf8("{\"id\":\"next\",\"body\":\"crude oil\",\"price\":1e400}"), T0.plusSeconds(1));

            List<TestRecord<byte[], byte[]>> dead = driver.createOutputTopic(small.dlqTopic(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            assertThat(dead).hasSize(1);
            TestRecord<byte[], byte[]> d = dead.get(0);
            assertThat(d.key()).isEqualTo(utf8("big"));
            assertThat(d.value()).isEqualTo(big);
            assertThat(header(d, DeadLetterHandler.REASON_HEADER)).isEqualTo(SerializationDeadLetterHandler.REASON);
            assertThat(header(d, "__streams.errors.exception")).isEqualTo(org.apache.kafka.common.errors.SerializationException.class.getName());
            assertThat(header(d, "__streams.errors.message")).contains("more than output.max.bytes=2048");
            assertThat(header(d, "__streams.errors.topic")).isEqualTo(small.inputTopic());
            assertThat(header(d, "__streams.errors.offset")).isEqualTo("0");
            assertThat(header(d, DeadLetterRecords.TIMESTAMP_HEADER)).isEqualTo(String.valueOf(T0.toEpochMilli()));
            List<byte[]> tagged = driver.createOutputTopic(small.outputTopic(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readValuesToList();
            assertThat(tagged).hasSize(1);
            // The input's own text goes out as it came: a number beyond a double's range is not rewritten.
            assertThat(new String(tagged.get(0), StandardCharsets.UTF_8))
                    .startsWith("{\"id\":\"next\",\"body\":\"crude oil\",\"price\":1e400,\"classification\":{");
        }
    }

    @Test
    void shouldSkipTombstonesWithoutOutputOrDeadLetterAndCountThem() {
        try (TopologyTestDriver driver = driver()) {
            input(driver).pipeInput(utf8("gone"), null, T0);
            input(driver).pipeInput(utf8("gone-too"), null, T0.plusSeconds(1));
            input(driver).pipeInput(utf8("here"), utf8("{\"id\":\"here\",\"body\":\"oil\"}"), T0.plusSeconds(2));
            assertThat(output(driver).readValuesToList()).hasSize(1);
            assertThat(deadLetters(driver).isEmpty()).isTrue();
            assertThat(tombstonesSkipped(driver)).isEqualTo(2.0);
        }
    }

    /** The tombstones-skipped-total metric of the one task the driver runs. */
    static double tombstonesSkipped(TopologyTestDriver driver) {
        return driver.metrics().values().stream()
                .filter(m -> m.metricName().group().equals("stream-newswire-input-metrics")
                        && m.metricName().name().equals("tombstones-skipped-total"))
                .mapToDouble(m -> (Double) m.metricValue())
                .sum();
    }

    @Test
    void shouldPinTheNamesOfEveryProcessor() {
        String description = TaggerTopology.build(config, ModelSource.fixed(model)).describe().toString();
        assertThat(description)
                .contains("Source: " + TaggerTopology.SOURCE + " (topics: [newswire])")
                .contains("Processor: " + TaggerTopology.SKIP_TOMBSTONES + " (stores: [])")
                .contains("Processor: " + TaggerTopology.CLASSIFY + " (stores: [])")
                .contains("Sink: " + TaggerTopology.SINK + " (topic: newswire-tagged)");
        assertThat(TaggerTopology.SOURCE).isEqualTo("read-articles");
        assertThat(TaggerTopology.SKIP_TOMBSTONES).isEqualTo("skip-tombstones");
        assertThat(TaggerTopology.CLASSIFY).isEqualTo("classify-articles");
        assertThat(TaggerTopology.SINK).isEqualTo("write-tagged");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
