package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.MultiLabelFixtureModels;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A multi-label model in the topology: {@code topics} in the output, and hot swaps between the two kinds. */
class MultiLabelTopologyTest {

    private static final String NAME = "fixture";
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    /** Words of grain and of crude (see {@link FixtureModels#SENTENCES}): a text about both. */
    private static final String GRAIN_AND_CRUDE = "wheat harvest grain tonnes and crude oil barrel opec";
    private static byte[] singleLabel;
    private static byte[] multiLabel;

    private final TaggerConfig config = TaggerConfig.fromMap(Map.of("bootstrap.servers", "unused:9092",
            "model.name", NAME, "classification.top.k", "3"));
    private final List<ModelEvent> events = new ArrayList<>();
    private long time = T0.toEpochMilli();

    @BeforeAll
    static void trainModels() {
        singleLabel = FixtureModels.train(NAME, "1", 7L);
        multiLabel = MultiLabelFixtureModels.bundleBytes(NAME, "2");
    }

    @Test
    void shouldListTheTopicsThatReachTheirThresholdsBesideTheBestTopic() {
        ModelBundle model = ModelBundles.fromBytes(multiLabel);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TaggerTopology.build(config, ModelSource.fixed(model), Clock.fixed(T0, ZoneOffset.UTC)),
                config.streamsProperties())) {
            JsonNode c = tag(input(driver), output(driver), "m-1", GRAIN_AND_CRUDE).get("classification");
            assertThat(names(c.get("topics"))).containsExactlyInAnyOrder("grain", "crude");
            assertThat(c.get("topic").asText()).isIn("grain", "crude");
            assertThat(c.get("top")).hasSize(3); // every label with its score: the test can check each one
            for (JsonNode t : c.get("top")) {
                double threshold = MultiLabelFixtureModels.THRESHOLDS.get(model.labels().indexOf(t.get("topic").asText()));
                assertThat(names(c.get("topics")).contains(t.get("topic").asText())).as(t.toString())
                        .isEqualTo(t.get("score").asDouble() >= threshold);
            }
            double previous = Double.POSITIVE_INFINITY;
            for (JsonNode t : c.get("topics")) {
                assertThat(t.get("score").asDouble()).isLessThanOrEqualTo(previous);
                previous = t.get("score").asDouble();
            }
            JsonNode abstained = tag(input(driver), output(driver), "m-2", "zzz qqq").get("classification");
            assertThat(abstained.get("abstained").asBoolean()).isTrue();
            assertThat(abstained.get("topics")).isEmpty();
        }
    }

    @Test
    void shouldWriteNoTopicsForASingleLabelModel() {
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TaggerTopology.build(config, ModelSource.fixed(ModelBundles.fromBytes(singleLabel)),
                        Clock.fixed(T0, ZoneOffset.UTC)), config.streamsProperties())) {
            JsonNode c = tag(input(driver), output(driver), "s-1", GRAIN_AND_CRUDE).get("classification");
            assertThat(c.has("topics")).isFalse();
            assertThat(c.has("top")).isTrue();
        }
    }

    @Test
    void shouldHotSwapFromASingleLabelToAMultiLabelModelAndBack() {
        ModelRegistry registry = new ModelRegistry(NAME, ModelBundles.fromBytes(singleLabel), SignaturePolicy.acceptAll(),
                events::add, "test", Clock.fixed(T0, ZoneOffset.UTC));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TaggerTopology.build(config, registry, registry, Clock.fixed(T0, ZoneOffset.UTC), new ShadowStats()),
                config.streamsProperties())) {
            TestInputTopic<byte[], byte[]> articles = input(driver);
            TestOutputTopic<byte[], ObjectNode> tagged = output(driver);
            TestInputTopic<String, byte[]> models = driver.createInputTopic(config.modelTopic(), new StringSerializer(),
                    new ByteArraySerializer());
            assertThat(tag(articles, tagged, "a", GRAIN_AND_CRUDE).get("classification").has("topics")).isFalse();

            models.pipeInput(new TestRecord<>(NAME + "@1", singleLabel, new RecordHeaders(), Instant.ofEpochMilli(time++)));
            models.pipeInput(new TestRecord<>(NAME + "@2", multiLabel, new RecordHeaders(), Instant.ofEpochMilli(time++)));
            release(models, "2");
            JsonNode after = tag(articles, tagged, "b", GRAIN_AND_CRUDE).get("classification");
            assertThat(after.at("/model/version").asText()).isEqualTo("2");
            assertThat(names(after.get("topics"))).containsExactlyInAnyOrder("grain", "crude");
            assertThat(events).extracting(ModelEvent::type).contains("accepted", "activated");

            release(models, "1");
            JsonNode back = tag(articles, tagged, "c", GRAIN_AND_CRUDE).get("classification");
            assertThat(back.at("/model/version").asText()).isEqualTo("1");
            assertThat(back.has("topics")).isFalse();
            assertThat(registry.switches()).isEqualTo(2);
        }
    }

    private void release(TestInputTopic<String, byte[]> models, String version) {
        models.pipeInput(NAME, new ModelRelease(version, null, null, null, T0.toString(), "test", null).toJson(),
                Instant.ofEpochMilli(time++));
    }

    private JsonNode tag(TestInputTopic<byte[], byte[]> in, TestOutputTopic<byte[], ObjectNode> out, String id,
                         String body) {
        in.pipeInput(id.getBytes(StandardCharsets.UTF_8),
                ("{\"id\":\"" + id + "\",\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochMilli(time++));
        return out.readValue();
    }

    private TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver) {
        return driver.createInputTopic(config.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<byte[], ObjectNode> output(TopologyTestDriver driver) {
        return driver.createOutputTopic(config.outputTopic(), new ByteArrayDeserializer(), JsonSerde.tagged().deserializer());
    }

    private static List<String> names(JsonNode topics) {
        List<String> names = new ArrayList<>();
        topics.forEach(t -> names.add(t.get("topic").asText()));
        return names;
    }
}
