package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.ReutersDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.train.Trainer;
import dev.newswire.tagger.train.TrainerOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model releases on a real (embedded KRaft) broker with real Reuters newswires.
 *
 * <p>A rolling upgrade: two instances of one application share the four input partitions while 20,000 newswires
 * arrive at a steady rate; midway v2 is published and activated, then a corrupt bundle is published and
 * activated, then v1 is activated again (rollback). Nothing may be lost, each partition may change version only
 * at the two good releases, both instances must follow each within {@link #SWITCH_BUDGET}, and the corrupt
 * bundle must change nothing. The measured switch latencies and the throughput around each switch are logged
 * as a report (INFO).
 *
 * <p>A later instance: one that joins after a release serves it from its first output (its registry is rebuilt
 * from the model topic before it processes any article), here with a bundle of more than 5 MB.
 */
class RollingUpgradeIT {

    private static final Logger LOG = LoggerFactory.getLogger(RollingUpgradeIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String NAME = "rolling-keras46";
    private static final String APPLICATION_ID = "rolling-upgrade-it";
    private static final String INPUT_TOPIC = TaggerConfig.defaults("unused:9092").inputTopic();
    private static final int ARTICLES = 20_000;
    private static final int WARM_UP_ARTICLES = 2_000;
    private static final int PER_SECOND = 1_000;
    private static final int BATCH = 20;
    private static final int UPGRADE_AT = 6_000;
    private static final int CORRUPT_AT = 10_000;
    private static final int ROLLBACK_AT = 14_000;
    private static final Duration SWITCH_BUDGET = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int LARGE_BUNDLE_BYTES = 5 * 1024 * 1024;

    private static Dataset keras46;
    private static List<ReutersDocument> stories;
    private static ModelBundle fallback;
    private static byte[] v1;
    private static byte[] v2;
    private static String v1Id;
    private static String v2Id;

    @BeforeAll
    static void trainTwoVersions() throws Exception {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        keras46 = Splits.keras46(corpus, TextSource.OWN);
        Map<String, ReutersDocument> byId = new HashMap<>();
        corpus.forEach(d -> byId.put(String.valueOf(d.newId()), d));
        stories = Stream.concat(keras46.test().stream(), keras46.train().stream())
                .map(d -> byId.get(d.id())).toList();
        fallback = EmbeddedModel.load();
        // One epoch each keeps the IT short; two seeds make two different, valid models of the same shape.
        v1 = train("1", 2_000, List.of(32), 1, 1L);
        v2 = train("2", 2_000, List.of(32), 1, 2L);
        v1Id = ModelBundles.fromBytes(v1).id();
        v2Id = ModelBundles.fromBytes(v2).id();
    }

    private static byte[] train(String version, int vocabulary, List<Integer> hidden, int epochs, long seed) throws Exception {
        TrainerOptions options = new TrainerOptions("rolling-it", hidden, epochs, vocabulary, FeatureWeighting.BINARY,
                seed, 512, 0.001, 1_000, NAME, version);
        Trainer.Result result = new Trainer(options, Clock.systemUTC()).train(keras46, "own", e -> { });
        return ModelBundles.toBytes(result.manifest(), result.vocabulary(), result.network());
    }

    /** When the three release records of the run were written (their record timestamps, epoch ms). */
    private record Timeline(long upgrade, long corrupt, long rollback) {
    }

    /** One record of the output topic. */
    private record Tagged(int partition, long offset, String id, String modelId, String version, long classifiedAt,
                          long timestamp) {

        static Tagged of(ConsumerRecord<byte[], byte[]> r) throws Exception {
            JsonNode value = JSON.readTree(r.value());
            JsonNode c = value.get("classification");
            return new Tagged(r.partition(), r.offset(), value.get("id").asText(), c.at("/model/id").asText(),
                    c.at("/model/version").asText(), Instant.parse(c.get("classified_at").asText()).toEpochMilli(),
                    r.timestamp());
        }
    }

    /** A change of the active model a registry serves, as seen by {@link SwitchWatch}. */
    private record Switch(String instance, String modelId, long at) {
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldSwitchBothInstancesAtEachReleaseLoseNothingAndIgnoreACorruptBundle(@TempDir Path stateA,
                                                                                  @TempDir Path stateB) throws Exception {
        // A cut-off upload of a valid v3: always refused (a flipped byte could land in a zip field nobody checks).
        byte[] valid = FixtureModels.train(NAME, "3", 13L);
        byte[] corrupt = Arrays.copyOf(valid, valid.length / 2);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, TopicSpecs.loadDefault(), Duration.ofSeconds(30));
            TaggerConfig a = config(broker, stateA, "a");
            TaggerConfig b = config(broker, stateB, "b");
            try (ModelPublisher models = new ModelPublisher(a);
                 TaggerRuntime instanceA = new TaggerRuntime(a, fallback, SignaturePolicy.acceptAll(), 0);
                 TaggerRuntime instanceB = new TaggerRuntime(b, fallback, SignaturePolicy.acceptAll(), 0)) {
                models.bundle("1", v1);
                models.release("1", null, "first release");
                instanceA.start();
                instanceB.start();
                Map<String, TaggerRuntime> instances = Map.of("a", instanceA, "b", instanceB);
                for (TaggerRuntime r : instances.values()) {
                    assertThat(r.awaitRunning(TIMEOUT)).as("instance RUNNING").isTrue();
                    await("serving v1", () -> r.registry().current().active().id().equals(v1Id));
                }
                Map<Integer, String> owners = awaitTwoPartitionsEach(admin, instances);
                // Warmed-up instances, so that the figures around the switches are not those of a cold JVM.
                produce(a, "w-", WARM_UP_ARTICLES, 0, i -> { });
                consumeUntilEveryId(a, "w-", WARM_UP_ARTICLES, Duration.ofSeconds(120));

                Timeline timeline;
                List<Tagged> outputs;
                ExecutorService producerThread = Executors.newSingleThreadExecutor();
                try (SwitchWatch watch = new SwitchWatch(instances)) {
                    Future<Timeline> production = producerThread.submit(() -> produceWithReleases(a, models, corrupt));
                    outputs = consumeUntilEveryId(a, "n-", ARTICLES, Duration.ofSeconds(120));
                    timeline = production.get(30, TimeUnit.SECONDS);
                    assertThat(owners(admin, instances.keySet()))
                            .as("no rebalance during the run (outputs are attributed to instances by partition)")
                            .isEqualTo(owners);
                    verify(outputs, owners, timeline, watch.switches(), instances);
                    report(outputs, owners, timeline, watch.switches());
                } finally {
                    producerThread.shutdownNow();
                }
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldServeTheCurrentReleaseFromTheFirstOutputOfAnInstanceStartedLaterWithABundleOver5Mb(
            @TempDir Path stateFirst, @TempDir Path stateLater) throws Exception {
        byte[] large = train("2", 25_000, List.of(64), 1, 3L);
        String largeId = ModelBundles.fromBytes(large).id();
        assertThat(large.length).as("bundle size").isGreaterThan(LARGE_BUNDLE_BYTES);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, TopicSpecs.loadDefault(), Duration.ofSeconds(30));
            TaggerConfig first = config(broker, stateFirst, "first");
            TaggerConfig later = config(broker, stateLater, "later");
            try (ModelPublisher models = new ModelPublisher(first);
                 TaggerRuntime running = new TaggerRuntime(first, fallback, SignaturePolicy.acceptAll(), 0)) {
                models.bundle("1", v1);
                models.release("1", null, "first release");
                running.start();
                assertThat(running.awaitRunning(TIMEOUT)).as("first instance RUNNING").isTrue();
                await("serving v1", () -> running.registry().current().active().id().equals(v1Id));
                models.bundle("2", large);
                models.release("2", "1", "a wider model");
                await("serving the large v2", () -> running.registry().current().active().id().equals(largeId));
                assertThat(running.registry().bundlesRefused()).isZero();

                // A second instance joins (a scale-out; with the default session timeout a replacement would
                // first wait out the departed member): it has only the model topic to learn the release from.
                try (TaggerRuntime joined = new TaggerRuntime(later, fallback, SignaturePolicy.acceptAll(), 0)) {
                    joined.start();
                    assertThat(joined.awaitRunning(TIMEOUT)).as("later instance RUNNING").isTrue();
                    assertThat(joined.registry().current().active().id())
                            .as("the model topic is replayed into the registry before the instance is RUNNING")
                            .isEqualTo(largeId);
                    assertThat(joined.registry().bundlesAccepted()).isEqualTo(2);
                    assertThat(joined.registry().bundlesRefused()).isZero();
                    Map<Integer, String> owners = awaitTwoPartitionsEach(admin, Map.of("first", running, "later", joined));
                    int count = 400;
                    produce(later, "n-", count, 0, i -> { });
                    List<Tagged> outputs = consumeUntilEveryId(later, "n-", count, Duration.ofSeconds(60));
                    assertThat(outputs).filteredOn(t -> owners.get(t.partition()).equals("later"))
                            .as("outputs of the later instance").isNotEmpty()
                            .allSatisfy(t -> assertThat(t.modelId()).as("model of %s", t.id()).isEqualTo(largeId));
                    assertThat(outputs).allSatisfy(t -> assertThat(t.modelId()).as("model of %s", t.id()).isEqualTo(largeId));
                }
            }
        }
    }

    private static TaggerConfig config(EmbeddedKafkaBroker broker, Path state, String instance) {
        return TaggerConfig.fromMap(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "application.id", APPLICATION_ID,
                "state.dir", state.toString(),
                "model.name", NAME,
                "streams.commit.interval.ms", "100",
                // The consumer's client id then starts with it, which ties a group member to an instance.
                "streams.client.id", clientId(instance)));
    }

    private static String clientId(String instance) {
        return APPLICATION_ID + "-" + instance;
    }

    // ---- producing -------------------------------------------------------------------------------------------

    /** Something to do before the article of a given index is sent. */
    @FunctionalInterface
    private interface Milestones {
        void before(int index) throws Exception;
    }

    private static Timeline produceWithReleases(TaggerConfig config, ModelPublisher models, byte[] corrupt) throws Exception {
        long[] at = new long[3];
        produce(config, "n-", ARTICLES, PER_SECOND, i -> {
            if (i == UPGRADE_AT) {
                models.bundle("2", v2);
                at[0] = models.release("2", "1", "upgrade");
            } else if (i == CORRUPT_AT) {
                models.bundle("3", corrupt);
                at[1] = models.release("3", "2", "a corrupt bundle");
            } else if (i == ROLLBACK_AT) {
                at[2] = models.release("1", "2", "rollback");
            }
        });
        return new Timeline(at[0], at[1], at[2]);
    }

    /**
     * Sends {@code count} newswires with ids {@code prefix + 0}, {@code prefix + 1}, ... at {@code perSecond}, or as
     * fast as it can with 0.
     */
    private static void produce(TaggerConfig config, String prefix, int count, int perSecond, Milestones milestones)
            throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "5"), new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                milestones.before(i);
                if (perSecond > 0 && i % BATCH == 0) {
                    LockSupport.parkNanos(start + i * 1_000_000_000L / perSecond - System.nanoTime());
                }
                String id = prefix + i;
                ReutersDocument story = stories.get(i % stories.size());
                byte[] value = JSON.writeValueAsBytes(Map.of("id", id, "headline", story.title(), "body", story.articleBody()));
                producer.send(new ProducerRecord<>(config.inputTopic(), id.getBytes(StandardCharsets.UTF_8), value),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        assertThat(failure.get()).as("newswire send failure").isNull();
    }

    /** Writes bundle and release records of {@link #NAME}; each call returns once the broker has the record. */
    private static final class ModelPublisher implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final String topic;

        ModelPublisher(TaggerConfig config) {
            this.topic = config.modelTopic();
            this.producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "33554432"), new StringSerializer(), new ByteArraySerializer());
        }

        void bundle(String version, byte[] bytes) throws Exception {
            send(ModelTopic.bundleKey(NAME, version), bytes);
        }

        /** Returns the release record's timestamp (epoch ms). */
        long release(String active, String previous, String reason) throws Exception {
            ModelRelease release = new ModelRelease(active, null, null, previous, Instant.now().toString(), reason, null);
            return send(NAME, release.toJson());
        }

        private long send(String key, byte[] value) throws Exception {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS).timestamp();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

    // ---- observing -------------------------------------------------------------------------------------------

    /**
     * Reads the output topic from the start until the {@code count} ids of {@code prefix} arrived or the timeout
     * passed; returns the outputs of those ids (duplicates included) and fails if any id is missing.
     */
    private static List<Tagged> consumeUntilEveryId(TaggerConfig config, String prefix, int count, Duration timeout)
            throws Exception {
        List<Tagged> outputs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, APPLICATION_ID + "-reader-" + prefix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(config.outputTopic()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ids.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Tagged t = Tagged.of(r);
                    if (t.id().startsWith(prefix)) {
                        outputs.add(t);
                        ids.add(t.id());
                    }
                }
            }
        }
        Set<String> lost = IntStream.range(0, count).mapToObj(i -> prefix + i).filter(id -> !ids.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(lost).as("%d of %d newswires never came out", lost.size(), count).isEmpty();
        return outputs;
    }

    /** Polls the registries (every 0.5 ms) and records each change of the active model they serve. */
    private static final class SwitchWatch implements AutoCloseable {

        private final List<Switch> switches = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean stopped;

        SwitchWatch(Map<String, TaggerRuntime> instances) {
            Map<String, String> serving = new HashMap<>();
            instances.forEach((name, r) -> serving.put(name, r.registry().current().active().id()));
            thread = new Thread(() -> {
                while (!stopped) {
                    instances.forEach((name, r) -> {
                        String id = r.registry().current().active().id();
                        if (!id.equals(serving.put(name, id))) {
                            switches.add(new Switch(name, id, System.currentTimeMillis()));
                        }
                    });
                    LockSupport.parkNanos(500_000);
                }
            }, "switch-watch");
            thread.setDaemon(true);
            thread.start();
        }

        List<Switch> switches() {
            return List.copyOf(switches);
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join();
        }
    }

    /** Input partition → the instance (of {@code names}) that consumes it, from the consumer group's members. */
    private static Map<Integer, String> owners(Admin admin, Set<String> names) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APPLICATION_ID)).all().get()
                .get(APPLICATION_ID);
        Map<Integer, String> owners = new TreeMap<>();
        if (group.groupState() != GroupState.STABLE) {
            return owners;
        }
        for (MemberDescription member : group.members()) {
            String instance = names.stream().filter(n -> member.clientId().startsWith(clientId(n) + "-")).findFirst()
                    .orElse(member.clientId());
            member.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(INPUT_TOPIC))
                    .forEach(tp -> owners.put(tp.partition(), instance));
        }
        return owners;
    }

    private static Map<Integer, String> awaitTwoPartitionsEach(Admin admin, Map<String, TaggerRuntime> instances)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, String> owners = owners(admin, instances.keySet());
            boolean running = instances.values().stream().allMatch(r -> r.service().state() == KafkaStreams.State.RUNNING);
            if (running && owners.size() == 4 && instances.keySet().stream()
                    .allMatch(n -> owners.values().stream().filter(n::equals).count() == 2)) {
                return owners;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two instances did not settle on two input partitions each: "
                + owners(admin, instances.keySet()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    // ---- verifying -------------------------------------------------------------------------------------------

    /** Each input partition's outputs in offset order, cut into runs of one model. */
    private static Map<Integer, List<List<Tagged>>> runsByPartition(List<Tagged> outputs) {
        Map<Integer, List<List<Tagged>>> runs = new TreeMap<>();
        outputs.stream().sorted(Comparator.comparingInt(Tagged::partition).thenComparingLong(Tagged::offset))
                .forEach(t -> {
                    List<List<Tagged>> partition = runs.computeIfAbsent(t.partition(), p -> new ArrayList<>());
                    if (partition.isEmpty() || !partition.get(partition.size() - 1).get(0).modelId().equals(t.modelId())) {
                        partition.add(new ArrayList<>());
                    }
                    partition.get(partition.size() - 1).add(t);
                });
        return runs;
    }

    /** When the first output of run {@code run} (0-based) of any partition of {@code instance} was classified. */
    private static long firstOfRun(Map<Integer, List<List<Tagged>>> runs, Map<Integer, String> owners, String instance,
                                   int run) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(instance))
                .mapToLong(e -> runs.get(e.getKey()).get(run).get(0).classifiedAt()).min().orElseThrow();
    }

    private static void verify(List<Tagged> outputs, Map<Integer, String> owners, Timeline timeline,
                               List<Switch> switches, Map<String, TaggerRuntime> instances) {
        assertThat(outputs).extracting(Tagged::version).as("versions that tagged").doesNotContain("3");
        Map<Integer, List<List<Tagged>>> runs = runsByPartition(outputs);
        assertThat(runs.keySet()).containsExactly(0, 1, 2, 3);
        runs.forEach((partition, r) -> assertThat(r).as("models of partition %d, in offset order", partition)
                .extracting(run -> run.get(0).modelId()).containsExactly(v1Id, v2Id, v1Id));
        long budget = SWITCH_BUDGET.toMillis();
        for (String instance : instances.keySet()) {
            assertThat(firstOfRun(runs, owners, instance, 1) - timeline.upgrade())
                    .as("instance %s: upgrade release → first v2 output (ms)", instance).isBetween(0L, budget);
            assertThat(firstOfRun(runs, owners, instance, 2) - timeline.rollback())
                    .as("instance %s: rollback release → first v1 output again (ms)", instance).isBetween(0L, budget);
            List<Switch> mine = switches.stream().filter(s -> s.instance().equals(instance)).toList();
            assertThat(mine).as("instance %s: registry switches", instance).extracting(Switch::modelId)
                    .containsExactly(v2Id, v1Id);
            assertThat(mine.get(0).at() - timeline.upgrade())
                    .as("instance %s: upgrade release → registry serves v2 (ms)", instance).isBetween(0L, budget);
            assertThat(mine.get(1).at() - timeline.rollback())
                    .as("instance %s: rollback release → registry serves v1 (ms)", instance).isBetween(0L, budget);
            ModelRegistry registry = instances.get(instance).registry();
            assertThat(registry.bundlesRefused()).as("instance %s: bundles refused", instance).isEqualTo(1);
            assertThat(registry.bundlesAccepted()).as("instance %s: bundles accepted", instance).isEqualTo(2);
            assertThat(registry.releasesRefused()).as("instance %s: releases refused", instance).isZero();
        }
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    private static void report(List<Tagged> outputs, Map<Integer, String> owners, Timeline timeline, List<Switch> switches) {
        Map<Integer, List<List<Tagged>>> runs = runsByPartition(outputs);
        long distinct = outputs.stream().map(Tagged::id).distinct().count();
        LOG.info("Rolling upgrade: {} outputs, {} distinct ids, {} duplicates; partitions {}", outputs.size(), distinct,
                outputs.size() - distinct, owners);
        String[] labels = {"upgrade to v2", "rollback to v1"};
        long[] releases = {timeline.upgrade(), timeline.rollback()};
        for (int k = 0; k < 2; k++) {
            for (String instance : List.of("a", "b")) {
                long registry = switches.stream().filter(s -> s.instance().equals(instance)).skip(k).findFirst()
                        .orElseThrow().at();
                LOG.info("{}: instance {}: release record → registry switched {} ms, → first output with the new model {} ms",
                        labels[k], instance, registry - releases[k], firstOfRun(runs, owners, instance, k + 1) - releases[k]);
            }
        }
        throughput(outputs, timeline);
    }

    /**
     * Outputs per second (by {@code classified_at}) with the worst end-to-end delay (output classified − input
     * timestamp) of each second, and around each release record the rate of the second after it against the mean
     * of the three seconds before it.
     */
    private static void throughput(List<Tagged> outputs, Timeline timeline) {
        long t0 = outputs.stream().mapToLong(Tagged::classifiedAt).min().orElseThrow();
        long t1 = outputs.stream().mapToLong(Tagged::classifiedAt).max().orElseThrow();
        LOG.info("Throughput: {} outputs in {} ms = {} /s overall (produced at {} /s)", outputs.size(), t1 - t0,
                Math.round(outputs.size() * 1000.0 / Math.max(1, t1 - t0)), PER_SECOND);
        for (long s = 0; t0 + s * 1000 <= t1; s++) {
            long from = t0 + s * 1000;
            long[] second = window(outputs, from, from + 1000);
            LOG.info("  second {}: {} outputs, max end-to-end delay {} ms{}", s, second[0], second[1], marks(from, timeline));
        }
        Map<String, Long> releases = new LinkedHashMap<>();
        releases.put("upgrade to v2", timeline.upgrade());
        releases.put("corrupt v3", timeline.corrupt());
        releases.put("rollback to v1", timeline.rollback());
        releases.forEach((label, at) -> {
            long[] before = window(outputs, at - 3000, at);
            long[] after = window(outputs, at, at + 1000);
            LOG.info("{}: {} outputs/s in the second after the release record, {} /s in the 3 s before; "
                    + "max end-to-end delay {} ms after, {} ms before", label, after[0], before[0] / 3, after[1], before[1]);
        });
    }

    /** Outputs classified in [from, to) and their largest end-to-end delay (ms). */
    private static long[] window(List<Tagged> outputs, long from, long to) {
        long count = 0;
        long delay = 0;
        for (Tagged t : outputs) {
            if (t.classifiedAt() >= from && t.classifiedAt() < to) {
                count++;
                delay = Math.max(delay, t.classifiedAt() - t.timestamp());
            }
        }
        return new long[] {count, delay};
    }

    private static String marks(long from, Timeline timeline) {
        StringBuilder sb = new StringBuilder();
        if (timeline.upgrade() >= from && timeline.upgrade() < from + 1000) {
            sb.append("  <- v2 release");
        }
        if (timeline.corrupt() >= from && timeline.corrupt() < from + 1000) {
            sb.append("  <- corrupt v3 release");
        }
        if (timeline.rollback() >= from && timeline.rollback() < from + 1000) {
            sb.append("  <- rollback to v1");
        }
        return sb.toString();
    }
}
