package dev.newswire.tagger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.cli.TopicsCommand;
import dev.newswire.tagger.kafka.TopicReport.Outcome;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A real single-node broker in this JVM, the project's topic specs applied to it, and records through it. */
class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        admin = TopicAdmin.createAdmin(broker.bootstrapServers(), TIMEOUT);
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldCreateTheDefaultTopicsOnceAndLeaveThemUnchangedTheSecondTime() throws Exception {
        List<TopicSpec> specs = TopicSpecs.loadDefault();

        TopicReport first = TopicAdmin.ensureTopics(admin, specs, TIMEOUT);
        TopicReport second = TopicAdmin.ensureTopics(admin, specs, TIMEOUT);

        assertThat(first.outcomes().values()).hasSize(specs.size()).containsOnly(Outcome.CREATED);
        assertThat(second.outcomes().values()).hasSize(specs.size()).containsOnly(Outcome.UNCHANGED);
        assertThat(second.entries()).allSatisfy(entry -> assertThat(entry.warnings()).isEmpty());
        TopicSpec models = TopicSpecs.find(specs, "newswire-models");
        assertThat(topicConfig(models.name()).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(topicConfig(models.name()).get("max.message.bytes").value()).isEqualTo("33554432");
        assertThat(partitionCount("newswire")).isEqualTo(4);
    }

    @Test
    void shouldRestoreAConfigChangedOnTheClusterAndReportTheTopicUpdated() throws Exception {
        List<TopicSpec> specs = withFreshNames(TopicSpecs.loadDefault(), "drift-");
        TopicAdmin.ensureTopics(admin, specs, TIMEOUT);
        setTopicConfig("drift-newswire-dlq", "retention.ms", "86400000");
        eventually(() -> topicConfig("drift-newswire-dlq").get("retention.ms").value().equals("86400000"));

        TopicReport report = TopicAdmin.ensureTopics(admin, specs, TIMEOUT);

        assertThat(report.outcomeOf("drift-newswire-dlq")).isEqualTo(Outcome.UPDATED);
        assertThat(report.entries()).filteredOn(entry -> entry.topic().equals("drift-newswire-dlq"))
                .singleElement().satisfies(entry ->
                        assertThat(entry.changes()).containsExactly("retention.ms: 86400000 -> 1209600000"));
        assertThat(report.entries()).filteredOn(entry -> !entry.topic().equals("drift-newswire-dlq"))
                .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(Outcome.UNCHANGED));
        eventually(() -> topicConfig("drift-newswire-dlq").get("retention.ms").value().equals("1209600000"));
    }

    @Test
    void shouldAddPartitionsButNeverRemoveThem() throws Exception {
        TopicAdmin.ensureTopics(admin, List.of(new TopicSpec("grow", 1, 1, Map.of())), TIMEOUT);
        eventually(() -> partitionCount("grow") == 1);

        TopicReport grown = TopicAdmin.ensureTopics(admin, List.of(new TopicSpec("grow", 3, 1, Map.of())), TIMEOUT);
        eventually(() -> partitionCount("grow") == 3);
        TopicReport shrunk = TopicAdmin.ensureTopics(admin, List.of(new TopicSpec("grow", 2, 1, Map.of())), TIMEOUT);

        assertThat(grown.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.UPDATED);
            assertThat(entry.changes()).containsExactly("partitions: 1 -> 3");
        });
        assertThat(shrunk.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(entry.warnings()).singleElement().asString().contains("3 partitions");
        });
        assertThat(partitionCount("grow")).isEqualTo(3);
    }

    @Test
    void shouldLetTwoClientsEnsureTheSameTopicsAtOnce() throws Exception {
        List<TopicSpec> specs = withFreshNames(TopicSpecs.loadDefault(), "race-");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<TopicReport> ensure = () -> {
            try (Admin own = TopicAdmin.createAdmin(broker.bootstrapServers(), TIMEOUT)) {
                own.describeCluster().nodes().get();
                start.await(30, TimeUnit.SECONDS);
                return TopicAdmin.ensureTopics(own, specs, TIMEOUT);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TopicReport> first = pool.submit(ensure);
            Future<TopicReport> second = pool.submit(ensure);
            TopicReport a = first.get(60, TimeUnit.SECONDS);
            TopicReport b = second.get(60, TimeUnit.SECONDS);

            assertThat(specs).allSatisfy(spec -> assertThat(List.of(a.outcomeOf(spec.name()), b.outcomeOf(spec.name())))
                    .as("outcomes for %s", spec.name())
                    .containsExactlyInAnyOrder(Outcome.CREATED, Outcome.UNCHANGED));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAReplicationFactorAboveTheBrokerCountNamingTheTopic() {
        TopicSpec tooMany = new TopicSpec("three-replicas", 1, 3, Map.of());

        assertThatThrownBy(() -> TopicAdmin.ensureTopics(admin, List.of(tooMany), TIMEOUT))
                .isInstanceOf(TopicAdminException.class)
                .hasMessageContaining("three-replicas")
                .hasMessageContaining("replication factor 3")
                .hasMessageContaining("only 1 broker");
    }

    @Test
    void shouldDeliverRecordsProducedToTheInputTopic() throws Exception {
        TopicSpec input = renamed(TopicSpecs.find(TopicSpecs.loadDefault(), "newswire"), "records-newswire");
        TopicAdmin.ensureTopics(admin, List.of(input), TIMEOUT);
        List<String> sent = List.of("first article", "second article", "third article");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < sent.size(); i++) {
                producer.send(new ProducerRecord<>(input.name(), "key-" + i, sent.get(i))).get(30, TimeUnit.SECONDS);
            }
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps("records"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(input.name()));
            assertThat(poll(consumer, sent.size()).stream().map(ConsumerRecord::value).toList())
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void shouldRunAKafkaStreamsAppWithExactlyOnceV2(@TempDir Path stateDir) throws Exception {
        List<TopicSpec> topics = List.of(
                new TopicSpec("eos-in", 2, 1, Map.of()), new TopicSpec("eos-out", 2, 1, Map.of()));
        TopicAdmin.ensureTopics(admin, topics, TIMEOUT);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase(Locale.ROOT))
                .to("eos-out", Produced.with(Serdes.String(), Serdes.String()));
        Properties streamsProps = new Properties();
        streamsProps.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-check");
        streamsProps.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        streamsProps.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streamsProps.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streamsProps.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");

        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsProps);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                     new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readCommitted(consumerProps("eos-check-out")),
                     new StringDeserializer(), new StringDeserializer())) {
            streams.start();
            for (String value : List.of("alpha", "beta", "gamma")) {
                producer.send(new ProducerRecord<>("eos-in", value, value)).get(30, TimeUnit.SECONDS);
            }
            consumer.subscribe(List.of("eos-out"));

            assertThat(poll(consumer, 3).stream().map(ConsumerRecord::value).toList())
                    .containsExactlyInAnyOrder("ALPHA", "BETA", "GAMMA");
        }
    }

    @Test
    void shouldCarryASixMegabyteModelBundleThroughTheModelTopic() throws Exception {
        TopicSpec models = renamed(TopicSpecs.find(TopicSpecs.loadDefault(), "newswire-models"), "large-models");
        TopicAdmin.ensureTopics(admin, List.of(models), TIMEOUT);
        byte[] bundle = new byte[6 * 1024 * 1024];
        new Random(42).nextBytes(bundle);
        Map<String, Object> producerProps = producerProps();
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(32 * 1024 * 1024));

        RecordMetadata written;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer())) {
            written = producer.send(new ProducerRecord<>(models.name(), "model-v1", bundle)).get(60, TimeUnit.SECONDS);
        }

        assertThat(written.serializedValueSize()).isEqualTo(bundle.length);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps("models"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(models.name()));
            List<ConsumerRecord<String, byte[]>> received = poll(consumer, 1);
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("model-v1");
                assertThat(Arrays.equals(record.value(), bundle)).as("bundle bytes round-trip").isTrue();
            });
        }
    }

    @Test
    void shouldCreateTopicsFromTheCommandLineAndPrintOneLinePerTopic(@TempDir Path dir) throws Exception {
        List<TopicSpec> specs = withFreshNames(TopicSpecs.loadDefault(), "cli-");
        Path file = dir.resolve("topics.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(specs));
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new TopicsCommand());
        command.setOut(new PrintWriter(out, true));
        String[] args = {"create", "--bootstrap-servers", broker.bootstrapServers(), "--file", file.toString(),
            "--timeout", "30s"};

        int first = command.execute(args);
        int second = command.execute(args);

        assertThat(first).isZero();
        assertThat(second).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2 * specs.size());
        assertThat(lines.subList(0, specs.size())).allSatisfy(line -> assertThat(line).startsWith("CREATED"));
        assertThat(lines.subList(specs.size(), lines.size()))
                .allSatisfy(line -> assertThat(line).startsWith("UNCHANGED"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("cli-newswire-models"));
    }

    @Test
    void shouldStartASecondBrokerWithExtraPropertiesAndDeleteItsFolderOnClose() throws Exception {
        Path folder;
        try (EmbeddedKafkaBroker other = EmbeddedKafkaBroker.start(Map.of("num.partitions", "2"));
             Admin otherAdmin = TopicAdmin.createAdmin(other.bootstrapServers(), TIMEOUT)) {
            folder = other.dataDirectory();
            assertThat(folder).isDirectory();
            assertThat(other.bootstrapServers()).startsWith("127.0.0.1:").isNotEqualTo(broker.bootstrapServers());
            assertThat(otherAdmin.describeCluster().clusterId().get()).isEqualTo(other.clusterId())
                    .isNotEqualTo(broker.clusterId());
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            assertThat(otherAdmin.describeConfigs(List.of(node)).all().get().get(node).get("num.partitions").value())
                    .isEqualTo("2");
        }
        assertThat(Files.exists(folder)).as("data folder %s deleted", folder).isFalse();
    }

    @Test
    void shouldComeBackOnTheSamePortWithItsTopicsAndRecordsAfterARestart() throws Exception {
        Path folder;
        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start()) {
            folder = restarted.dataDirectory();
            String address = restarted.bootstrapServers();
            try (Admin before = TopicAdmin.createAdmin(address, TIMEOUT)) {
                TopicAdmin.ensureTopics(before, List.of(new TopicSpec("kept", 2, 1, Map.of())), TIMEOUT);
            }
            Map<String, Object> producer = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                    ProducerConfig.ACKS_CONFIG, "all"));
            sendStrings(producer, "kept", List.of("before-1", "before-2"));

            restarted.stop();
            assertThat(restarted.isRunning()).isFalse();
            assertThat(folder).isDirectory();
            restarted.stop();
            restarted.restart();

            assertThat(restarted.isRunning()).isTrue();
            assertThat(restarted.bootstrapServers()).isEqualTo(address);
            try (Admin again = TopicAdmin.createAdmin(address, TIMEOUT)) {
                assertThat(again.describeCluster().clusterId().get()).isEqualTo(restarted.clusterId());
                assertThat(again.describeTopics(List.of("kept")).allTopicNames().get().get("kept").partitions()).hasSize(2);
            }
            sendStrings(producer, "kept", List.of("after-1"));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address, ConsumerConfig.GROUP_ID_CONFIG, "kept",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                assertThat(poll(consumer, 3).stream().map(ConsumerRecord::value).toList())
                        .containsExactlyInAnyOrder("before-1", "before-2", "after-1");
            }
        }
        assertThat(Files.exists(folder)).as("data folder %s deleted", folder).isFalse();
    }

    @Test
    void shouldRefuseToStopOrRestartOnceClosed() throws Exception {
        EmbeddedKafkaBroker closed = EmbeddedKafkaBroker.start();
        closed.close();

        assertThat(closed.isRunning()).isFalse();
        assertThatThrownBy(closed::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(closed::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void sendStrings(Map<String, Object> props, String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<TopicSpec> withFreshNames(List<TopicSpec> specs, String prefix) {
        return specs.stream().map(spec -> renamed(spec, prefix + spec.name())).toList();
    }

    private static TopicSpec renamed(TopicSpec spec, String name) {
        return new TopicSpec(name, spec.partitions(), spec.replicationFactor(), spec.configs());
    }

    private static int partitionCount(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    /**
     * Waits until the condition holds: the broker applies a change to its metadata a moment after the
     * controller has accepted it, so a read right after a write may still see the old state, or not yet know a
     * topic just created (UnknownTopicOrPartitionException).
     */
    private static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!holds(condition)) {
            assertThat(System.nanoTime()).as("condition still false after %s", TIMEOUT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean holds(Callable<Boolean> condition) throws Exception {
        try {
            return condition.call();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static void setTopicConfig(String topic, String key, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp op = new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static Map<String, Object> consumerProps(String group) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    private static Map<String, Object> readCommitted(Map<String, Object> props) {
        Map<String, Object> copy = new HashMap<>(props);
        copy.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return copy;
    }

    private static <K, V> List<ConsumerRecord<K, V>> poll(KafkaConsumer<K, V> consumer, int expected) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
