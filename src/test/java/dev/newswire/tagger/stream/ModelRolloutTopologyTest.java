package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.Ed25519Keys;
import dev.newswire.tagger.model.Signatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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
import org.nd4j.linalg.api.ndarray.INDArray;

/** Model releases through the model topic, with TopologyTestDriver: swaps, refusals, rollback, shadow, canary. */
class ModelRolloutTopologyTest {

    private static final String NAME = "fixture";
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static byte[] v0;
    private static byte[] v1;
    private static byte[] v2;

    private final TaggerConfig config = TaggerConfig.fromMap(Map.of("bootstrap.servers", "unused:9092",
            "model.name", NAME, "shadow.output.enabled", "true"));
    private final List<ModelEvent> events = new ArrayList<>();
    private final ShadowStats shadowStats = new ShadowStats();
    private long time = T0.toEpochMilli();

    @BeforeAll
    static void trainVersions() {
        v0 = FixtureModels.train(NAME, "0", 3L);
        v1 = FixtureModels.train(NAME, "1", 7L);
        v2 = FixtureModels.train(NAME, "2", 11L);
    }

    /** One instance: its registry (fallback v0) and its driver. */
    private final class Instance implements AutoCloseable {
        final ModelRegistry registry;
        final TopologyTestDriver driver;
        final TestInputTopic<byte[], byte[]> articles;
        final TestInputTopic<String, byte[]> models;
        final TestOutputTopic<byte[], ObjectNode> tagged;
        final TestOutputTopic<byte[], byte[]> deadLetters;
        final TestOutputTopic<byte[], ObjectNode> shadow;

        Instance() {
            this(SignaturePolicy.acceptAll());
        }

        Instance(SignaturePolicy policy) {
            registry = new ModelRegistry(NAME, ModelBundles.fromBytes(v0), policy, events::add, "test",
                    Clock.fixed(T0, ZoneOffset.UTC));
            driver = new TopologyTestDriver(
                TaggerTopology.build(config, registry, registry, Clock.fixed(T0, ZoneOffset.UTC), shadowStats),
                config.streamsProperties());
            articles = driver.createInputTopic(config.inputTopic(),
                new ByteArraySerializer(), new ByteArraySerializer());
            models = driver.createInputTopic(config.modelTopic(),
                new StringSerializer(), new ByteArraySerializer());
            tagged = driver.createOutputTopic(config.outputTopic(),
                new ByteArrayDeserializer(), JsonSerde.tagged().deserializer());
            deadLetters = driver.createOutputTopic(config.dlqTopic(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
            shadow = driver.createOutputTopic(config.shadowTopic(),
                new ByteArrayDeserializer(), JsonSerde.tagged().deserializer());
        }

        void bundle(String version, byte[] bytes) {
            models.pipeInput(new TestRecord<>(NAME + "@" + version, bytes, new RecordHeaders(), Instant.ofEpochMilli(time++)));
        }

        void release(String active, String shadowVersion, ModelRelease.Canary canary) {
            release(new ModelRelease(active, shadowVersion, canary, null, T0.toString(), "test", null));
        }

        void release(ModelRelease r) {
            models.pipeInput(NAME, r.toJson(), Instant.ofEpochMilli(time++));
        }

        void signedBundle(String version, byte[] bytes, java.security.KeyPair key) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ModelTopic.SIGNATURE_HEADER, Signatures.signBundle(key.getPrivate(), key.getPublic(),
                    NAME + "@" + version, bytes).getBytes(StandardCharsets.UTF_8));
            models.pipeInput(new TestRecord<>(NAME + "@" + version, bytes, headers, Instant.ofEpochMilli(time++)));
        }

        /** Sends an article and returns the version that tagged it. */
        String tag(String id) {
            articles.pipeInput(id.getBytes(StandardCharsets.UTF_8),
                    ("{\"id\":\"" + id + "\",\"body\":\"opec crude oil output and wheat grain\"}").getBytes(StandardCharsets.UTF_8),
                    Instant.ofEpochMilli(time++));
            return tagged.readValue().at("/classification/model/version").asText();
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    @Test
    void shouldSwitchMidStreamAndNeverGoBack() {
        try (Instance i = new Instance()) {
            assertThat(i.tag("a0")).isEqualTo("0"); // the fallback serves before any release
            i.bundle("1", v1);
            i.release("1", null, null);
            List<String> versions = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                versions.add(i.tag("b" + n));
            }
            i.bundle("2", v2);
            assertThat(i.tag("c")).as("a bundle alone does not switch").isEqualTo("1");
            i.release("2", null, null);
            for (int n = 0; n < 5; n++) {
                versions.add(i.tag("d" + n));
            }
            assertThat(versions).containsExactly("1", "1", "1", "1", "1", "2", "2", "2", "2", "2");
            assertThat(i.registry.switches()).isEqualTo(2);
            assertThat(events).extracting(ModelEvent::type).contains("accepted", "activated");
        }
    }

    @Test
    void shouldWaitForTheBundleOfAReleaseThatArrivesFirst() {
        try (Instance i = new Instance()) {
            i.release("1", null, null);
            assertThat(i.tag("x")).isEqualTo("0");
            assertThat(events).extracting(ModelEvent::type).contains("waiting");
            i.bundle("1", v1);
            assertThat(i.tag("y")).isEqualTo("1");
        }
    }

    @Test
    void shouldRefuseEveryKindOfBadBundleAndKeepServing() throws IOException {
        byte[] flipped = v2.clone();
        flipped[flipped.length / 2] ^= 0x55;
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("checksum or zip damage", flipped);
        bad.put("checksum mismatch", rewrite(v2, e -> { }, e -> {
            byte[] vocabulary = e.get(ModelBundles.VOCABULARY);
            vocabulary[vocabulary.length - 3] ^= 1;
        }));
        bad.put("truncated", java.util.Arrays.copyOf(v2, v2.length / 3));
        bad.put("random bytes", "definitely not a zip".getBytes(StandardCharsets.UTF_8));
        bad.put("unknown format version", rewrite(v2, e -> e.put(ModelBundles.MANIFEST, replace(e.get(ModelBundles.MANIFEST),
                "\"formatVersion\" : 1", "\"formatVersion\" : 7"))));
        bad.put("labels disagree with the network", rewrite(v2, e -> e.put(ModelBundles.MANIFEST,
                replace(e.get(ModelBundles.MANIFEST), "\"earn\"", "\"earn\", \"ship\""))));
        bad.put("corrupt DL4J zip", rewrite(v2, e -> e.put(ModelBundles.NETWORK, "not a network".getBytes(StandardCharsets.UTF_8))));
        bad.put("non-finite weights", FixtureModels.train(NAME, "2", 11L, net -> {
            INDArray params = net.params().dup();
            params.putScalar(0, Double.NaN);
            net.setParams(params);
        }));
        bad.put("manifest version differs from the key", FixtureModels.train(NAME, "9", 11L));
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.release("1", null, null);
            assertThat(i.tag("before")).isEqualTo("1");
            for (Map.Entry<String, byte[]> b : bad.entrySet()) {
                events.clear();
                i.bundle("2", b.getValue());
                i.release("2", null, null);
                assertThat(i.tag("after-" + b.getKey())).as(b.getKey()).isEqualTo("1");
                assertThat(events).as(b.getKey()).extracting(ModelEvent::type).contains("refused", "waiting");
            }
            assertThat(i.registry.bundlesRefused()).isEqualTo(bad.size());
            assertThat(metric(i.driver, "model-records-refused-total")).isEqualTo(bad.size());
            assertThat(i.deadLetters.isEmpty()).as("no article is dead-lettered because of a bad model").isTrue();
            i.bundle("2", v2);
            assertThat(i.tag("fixed")).as("the pending release applies once a valid v2 arrives").isEqualTo("2");
        }
    }

    @Test
    void shouldRefuseAnInvalidReleaseRecordAndKeepServing() {
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.release("1", null, null);
            i.models.pipeInput(NAME, "{\"active\": \"\"}".getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(time++));
            i.models.pipeInput(NAME, "not json".getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(time++));
            assertThat(i.tag("x")).isEqualTo("1");
            assertThat(i.registry.releasesRefused()).isEqualTo(2);
        }
    }

    @Test
    void shouldRollBackToThePreviousVersion() {
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.bundle("2", v2);
            i.release("2", null, null);
            assertThat(i.tag("x")).isEqualTo("2");
            i.release("1", null, null);
            assertThat(i.tag("y")).isEqualTo("1");
        }
    }

    @Test
    void shouldScoreWithTheShadowButServeTheActiveModel() {
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.bundle("2", v2);
            i.release("1", "2", null);
            for (int n = 0; n < 10; n++) {
                assertThat(i.tag("s" + n)).isEqualTo("1");
            }
            List<ObjectNode> comparisons = i.shadow.readValuesToList();
            assertThat(comparisons).hasSize(10);
            JsonNode first = comparisons.get(0);
            assertThat(first.at("/active/model/version").asText()).isEqualTo("1");
            assertThat(first.at("/shadow/model/version").asText()).isEqualTo("2");
            assertThat(first.get("agree").asBoolean())
                    .isEqualTo(first.at("/active/topic").asText().equals(first.at("/shadow/topic").asText()));
            assertThat(shadowStats.agreed() + shadowStats.disagreed()).isEqualTo(10);
            assertThat(metric(i.driver, "shadow-agreements-total") + metric(i.driver, "shadow-disagreements-total"))
                    .isEqualTo(10);
        }
    }

    @Test
    void shouldServeACanaryShareByKeyHashAndTheSameVersionForTheSameKey() {
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.bundle("2", v2);
            i.release("1", null, new ModelRelease.Canary("2", 30));
            int canary = 0;
            for (int n = 0; n < 400; n++) {
                String id = "article-" + n;
                String expected = ServingModels.bucket(id.getBytes(StandardCharsets.UTF_8)) < 30 ? "2" : "1";
                String version = i.tag(id);
                assertThat(version).as(id).isEqualTo(expected);
                assertThat(i.tag(id)).as("same key again").isEqualTo(version);
                canary += version.equals("2") ? 1 : 0;
            }
            assertThat(canary).isBetween(80, 160); // about 30% of 400
        }
    }

    @Test
    void shouldServeTheReleaseInTheTopicFromTheFirstRecordAfterARestart() {
        List<TestRecord<String, byte[]>> topic = new ArrayList<>();
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.bundle("2", v2);
            i.release("2", null, null);
            assertThat(i.tag("x")).isEqualTo("2");
        }
        topic.add(new TestRecord<>(NAME + "@1", v1));
        topic.add(new TestRecord<>(NAME + "@2", v2));
        topic.add(new TestRecord<>(NAME, new ModelRelease("2", null, null, "1", T0.toString(), "r", null).toJson()));
        try (Instance restarted = new Instance()) {
            // What the global-store restoration replays before the first article is processed.
            topic.forEach(restarted.models::pipeInput);
            assertThat(restarted.tag("first")).isEqualTo("2");
        }
    }

    @Test
    void shouldKeepServingOnTombstones() {
        try (Instance i = new Instance()) {
            i.bundle("1", v1);
            i.release("1", null, null);
            i.models.pipeInput(NAME, (byte[]) null, Instant.ofEpochMilli(time++));
            assertThat(i.tag("after-release-tombstone")).isEqualTo("1");
            i.models.pipeInput(NAME + "@1", (byte[]) null, Instant.ofEpochMilli(time++));
            assertThat(i.tag("after-bundle-tombstone")).isEqualTo("1");
            assertThat(events).extracting(ModelEvent::type).contains("ignored");
        }
    }

    @Test
    void shouldAcceptOnlyBundlesAndReleasesSignedByATrustedKey() {
        java.security.KeyPair trusted = Ed25519Keys.generate();
        java.security.KeyPair stranger = Ed25519Keys.generate();
        try (Instance i = new Instance(TrustedKeys.of(Map.of(Ed25519Keys.keyId(trusted.getPublic()), trusted.getPublic())))) {
            ModelRelease unsigned = new ModelRelease("1", null, null, null, T0.toString(), "test", null);
            ModelRelease signed = unsigned.withSignature(Signatures.signRelease(trusted.getPrivate(), trusted.getPublic(), NAME, unsigned));
            ModelRelease wronglySigned = unsigned.withSignature(
                    Signatures.signRelease(stranger.getPrivate(), stranger.getPublic(), NAME, unsigned));
            ModelRelease tampered = new ModelRelease("2", null, null, null, T0.toString(), "test", signed.signature());

            i.bundle("1", v1); // unsigned
            i.signedBundle("1", v1, stranger); // signed by an untrusted key
            assertThat(i.registry.bundlesRefused()).isEqualTo(2);
            i.signedBundle("1", v1, trusted);
            i.signedBundle("2", v2, trusted);
            assertThat(i.registry.bundlesAccepted()).isEqualTo(2);

            i.release(unsigned);
            i.release(wronglySigned);
            i.release(tampered);
            assertThat(i.tag("x")).as("no unsigned, foreign or tampered release applies").isEqualTo("0");
            assertThat(i.registry.releasesRefused()).isEqualTo(3);
            i.release(signed);
            assertThat(i.tag("y")).isEqualTo("1");
        }
    }

    @Test
    void shouldIgnoreRecordsOfOtherModelNames() {
        try (Instance i = new Instance()) {
            i.models.pipeInput("other@1", "garbage".getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(time++));
            i.models.pipeInput("other", "garbage".getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(time++));
            assertThat(i.tag("x")).isEqualTo("0");
            assertThat(i.registry.bundlesRefused()).isZero();
        }
    }

    @Test
    void shouldPinTheNamesOfTheModelTopicNodes() {
        try (Instance i = new Instance()) {
            String description = TaggerTopology.build(config, i.registry, i.registry, Clock.systemUTC(), shadowStats)
                    .describe().toString();
            assertThat(description)
                    .contains("Source: " + TaggerTopology.MODEL_SOURCE + " (topics: [newswire-models])")
                    .contains("Processor: " + TaggerTopology.MODEL_PROCESSOR + " (stores: [" + TaggerTopology.MODEL_STORE + "])")
                    .contains("Sink: " + TaggerTopology.SHADOW_SINK + " (topic: newswire-shadow)")
                    .contains("Processor: " + TaggerTopology.TAGGED_VALUE);
        }
    }

    private static double metric(TopologyTestDriver driver, String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("stream-newswire-model-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    // --- bundle surgery ---

    private static byte[] rewrite(byte[] bundle, Consumer<Map<String, byte[]>> change) throws IOException {
        return rewrite(bundle, change, e -> { });
    }

    /** Applies {@code change}, recomputes the checksums, then applies {@code afterChecksums}. */
    private static byte[] rewrite(byte[] bundle, Consumer<Map<String, byte[]>> change,
                                  Consumer<Map<String, byte[]>> afterChecksums) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        change.accept(entries);
        entries.remove(ModelBundles.CHECKSUMS);
        StringBuilder sums = new StringBuilder();
        entries.forEach((name, data) -> sums.append(ModelBundles.sha256(data)).append("  ").append(name).append('\n'));
        entries.put(ModelBundles.CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        afterChecksums.accept(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] replace(byte[] text, String from, String to) {
        String s = new String(text, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

}
