package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.AppVersion;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpec;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input through the running topology on a real (embedded KRaft) broker: each comes back as
 * exactly one dead letter with its headers, a dead letter too large for the dead-letter topic is cut so that the
 * broker takes it; then the application is stopped cleanly once it has committed past them, restarted with the
 * same application id, and the dead letters are still one each.
 */
class DeadLetterRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION_ID = "dlq-restart-it";
    /** The dead-letter topic's max.message.bytes here, small enough that one dead letter must be cut. */
    private static final int DLQ_LIMIT = 64 * 1024;
    private static final int MAX_ARTICLE_BYTES = 32 * 1024;
    /** Smaller than the output of bad-output-too-large (10 KB of body), larger than the good articles'. */
    private static final int OUTPUT_LIMIT = 8 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(120);

    /** Bad values by the reason their dead letter must give, one input each. */
    private static Map<String, byte[]> badInputs() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("bad-json", utf8("{\"id\": \"x\", \"body\": oil}"));
        bad.put("bad-utf8", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bad.put("bad-array", utf8("[{\"id\":\"x\"}]"));
        bad.put("bad-no-id", utf8("{\"headline\":\"Wheat\",\"body\":\"grain\"}"));
        bad.put("bad-empty-id", utf8("{\"id\":\"\",\"body\":\"grain\"}"));
        bad.put("bad-number-id", utf8("{\"id\":17,\"body\":\"grain\"}"));
        bad.put("bad-headline", utf8("{\"id\":\"h\",\"headline\":{\"text\":\"oil\"}}"));
        bad.put("bad-body", utf8("{\"id\":\"b\",\"body\":[\"oil\"]}"));
        bad.put("bad-surrogate", utf8("{\"id\":\"s\",\"body\":\"\\ud800 oil\"}"));
        bad.put("bad-too-large", utf8("{\"id\":\"big\",\"body\":\"" + "crude oil ".repeat(20_000) + "\"}"));
        // A valid article whose output is larger than output.max.bytes: it cannot be written.
        bad.put("bad-output-too-large", utf8("{\"id\":\"wide\",\"body\":\"" + "crude oil ".repeat(1_000) + "\"}"));
        return bad;
    }

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("bad-json", "malformed-json"), Map.entry("bad-utf8", "invalid-utf8"),
            Map.entry("bad-array", "not-an-object"), Map.entry("bad-no-id", "missing-id"),
            Map.entry("bad-empty-id", "missing-id"), Map.entry("bad-number-id", "wrong-type"),
            Map.entry("bad-headline", "wrong-type"), Map.entry("bad-body", "wrong-type"),
            Map.entry("bad-surrogate", "invalid-unicode"), Map.entry("bad-too-large", "too-large"),
            Map.entry("bad-output-too-large", SerializationDeadLetterHandler.REASON));

    @Test
    void shouldDeadLetterEachBadRecordOnceAndNotAgainAfterACleanRestart(@TempDir Path state) throws Exception {
        ModelBundle model = FixtureModels.bundle();
        Map<String, byte[]> bad = badInputs();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, topicsWithASmallDeadLetterTopic(), Duration.ofSeconds(30));
            TaggerConfig config = TaggerConfig.fromMap(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "application.id", APPLICATION_ID, "state.dir", state.toString(), "streams.commit.interval.ms", "100",
                    "max.article.bytes", String.valueOf(MAX_ARTICLE_BYTES), "dlq.max.message.bytes", String.valueOf(DLQ_LIMIT),
                    "output.max.bytes", String.valueOf(OUTPUT_LIMIT),
                    // A Streams member does not leave its group on close: the restarted one waits out its session.
                    "streams.consumer.session.timeout.ms", "10000"));

            Map<String, RecordMetadata> sent;
            try (TaggerService first = new TaggerService(TaggerTopology.build(config, ModelSource.fixed(model)),
                    config.streamsProperties(), 0)) {
                first.start();
                assertThat(first.awaitRunning(WAIT)).as("first run RUNNING").isTrue();
                sent = produce(config, bad);
                await("a dead letter for each bad input", () -> read(config, config.dlqTopic()).size() >= bad.size());
                await("the good articles tagged", () -> read(config, config.outputTopic()).size() >= 3);
                await("the input offsets committed to the end", () -> committedToTheEnd(admin, config));
            }
            List<ConsumerRecord<byte[], byte[]>> deadBefore = read(config, config.dlqTopic());
            checkDeadLetters(deadBefore, bad, sent, config);
            int taggedBefore = read(config, config.outputTopic()).size();
            assertThat(taggedBefore).as("the three good articles, tagged once each").isEqualTo(3);

            try (TaggerService second = new TaggerService(TaggerTopology.build(config, ModelSource.fixed(model)),
                    config.streamsProperties(), 0)) {
                second.start();
                assertThat(second.awaitRunning(WAIT)).as("second run RUNNING").isTrue();
                send(config, "after-restart", utf8("{\"id\":\"after-restart\",\"body\":\"wheat grain tonnes\"}"));
                // Once the article sent after the restart is tagged, the instance has read its partition past the
                // committed offsets; the others it reads from their committed offsets, which were at the end.
                await("the article sent after the restart tagged", () -> read(config, config.outputTopic()).stream()
                        .anyMatch(r -> key(r).equals("after-restart")));
                await("the input offsets committed to the end again", () -> committedToTheEnd(admin, config));
            }
            List<ConsumerRecord<byte[], byte[]>> deadAfter = read(config, config.dlqTopic());
            List<ConsumerRecord<byte[], byte[]>> taggedAfter = read(config, config.outputTopic());
            System.out.printf(Locale.ROOT,
                    "dead-letter restart: %d bad inputs; dead letters %d before the restart, %d after; tagged %d before, %d after%n",
                    bad.size(), deadBefore.size(), deadAfter.size(), taggedBefore, taggedAfter.size());
            assertThat(deadAfter).as("dead letters after the restart").hasSize(bad.size());
            assertThat(deadAfter.stream().map(DeadLetterRestartIT::key).sorted().toList())
                    .isEqualTo(bad.keySet().stream().sorted().toList());
            assertThat(taggedAfter).as("tagged: the three before and the one after the restart").hasSize(taggedBefore + 1);
        }
    }

    private static void checkDeadLetters(List<ConsumerRecord<byte[], byte[]>> dead, Map<String, byte[]> bad,
                                         Map<String, RecordMetadata> sent, TaggerConfig config) {
        assertThat(dead).hasSize(bad.size());
        for (ConsumerRecord<byte[], byte[]> d : dead) {
            String key = key(d);
            RecordMetadata source = sent.get(key);
            assertThat(source).as("dead letter of an input that was sent: %s", key).isNotNull();
            assertThat(header(d, DeadLetterRecords.REASON_HEADER)).as(key).isEqualTo(REASONS.get(key));
            assertThat(header(d, "__streams.errors.topic")).isEqualTo(config.inputTopic());
            assertThat(header(d, "__streams.errors.partition")).isEqualTo(String.valueOf(source.partition()));
            assertThat(header(d, "__streams.errors.offset")).isEqualTo(String.valueOf(source.offset()));
            assertThat(header(d, "__streams.errors.exception")).isNotBlank();
            assertThat(header(d, "__streams.errors.message")).isNotBlank();
            assertThat(header(d, DeadLetterRecords.TIMESTAMP_HEADER)).isEqualTo(String.valueOf(source.timestamp()));
            assertThat(d.timestamp()).isEqualTo(source.timestamp());
            assertThat(header(d, DeadLetterRecords.VERSION_HEADER)).isEqualTo(AppVersion.current());
            byte[] original = bad.get(key);
            if (key.equals("bad-too-large")) {
                assertThat(original.length).isGreaterThan(DLQ_LIMIT);
                assertThat(header(d, DeadLetterRecords.TRUNCATED_HEADER)).isEqualTo("value");
                assertThat(header(d, DeadLetterRecords.ORIGINAL_SIZE_HEADER)).isEqualTo(String.valueOf(original.length));
                assertThat(d.value()).isEqualTo(Arrays.copyOf(original, d.value().length));
                assertThat(d.value().length).as("cut to about the topic's limit").isBetween(DLQ_LIMIT - 16 * 1024, DLQ_LIMIT);
            } else {
                assertThat(d.value()).as(key).isEqualTo(original);
                assertThat(d.headers().lastHeader(DeadLetterRecords.TRUNCATED_HEADER)).isNull();
            }
        }
    }

    /** The topics of topics/topics.json, the dead-letter topic with a {@value #DLQ_LIMIT}-byte max.message.bytes. */
    private static List<TopicSpec> topicsWithASmallDeadLetterTopic() {
        List<TopicSpec> specs = new ArrayList<>();
        for (TopicSpec spec : TopicSpecs.loadDefault()) {
            if (spec.name().equals("newswire-dlq")) {
                Map<String, String> configs = new HashMap<>(spec.configs());
                configs.put("max.message.bytes", String.valueOf(DLQ_LIMIT));
                spec = new TopicSpec(spec.name(), spec.partitions(), spec.replicationFactor(), configs);
            }
            specs.add(spec);
        }
        return specs;
    }

    /** Sends the bad inputs, three good articles and two tombstones; the metadata of each bad one, by key. */
    private static Map<String, RecordMetadata> produce(TaggerConfig config, Map<String, byte[]> bad) throws Exception {
        Map<String, RecordMetadata> sent = new HashMap<>();
        send(config, "good-1", utf8("{\"id\":\"good-1\",\"body\":\"crude oil barrel\"}"));
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            sent.put(e.getKey(), send(config, e.getKey(), e.getValue()));
        }
        send(config, "gone-1", null);
        send(config, "good-2", utf8("{\"id\":\"good-2\",\"body\":\"quarterly profit dividend\"}"));
        send(config, "gone-2", null);
        send(config, "good-3", utf8("{\"id\":\"good-3\",\"body\":\"wheat harvest\"}"));
        return sent;
    }

    private static RecordMetadata send(TaggerConfig config, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(config.inputTopic(), utf8(key), value)).get();
        }
    }

    /** Every record of {@code topic} up to its current end, read without a consumer group. */
    private static List<ConsumerRecord<byte[], byte[]>> read(TaggerConfig config, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Whether the application's committed offset of every input partition is the partition's end offset. */
    private static boolean committedToTheEnd(Admin admin, TaggerConfig config) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> inputs = admin.describeTopics(List.of(config.inputTopic())).allTopicNames().get()
                    .get(config.inputTopic()).partitions().stream()
                    .map(p -> new TopicPartition(config.inputTopic(), p.partition())).toList();
            Map<TopicPartition, Long> end = admin.listOffsets(inputs.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            return inputs.stream().allMatch(p -> end.get(p) == 0
                    || committed.get(p) != null && committed.get(p).offset() == end.get(p));
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s s for %s", WAIT.toSeconds(), what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
