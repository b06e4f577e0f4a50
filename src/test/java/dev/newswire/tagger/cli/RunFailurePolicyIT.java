package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.bench.BenchPayloads;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpec;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.stream.TaggerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure policy of {@code run} against a real failure. The cluster is misconfigured: its output topic takes
 * records of at most {@value #OUTPUT_MAX_BYTES} bytes ({@code max.message.bytes}), less than any tagged article, so
 * the broker refuses the tagger's first output (RecordTooLargeException). That is a failure of the environment, not
 * of an input ({@code output.max.bytes}, the size the tagger itself refuses, is left at its default: the topic
 * disagrees with it), and the production exception handler ({@code SerializationDeadLetterHandler}, which
 * dead-letters only serialization failures) answers it with FAIL: the stream thread dies. Every
 * new thread starts again from the last committed offset and dies the same way, so the policy's limit is reached,
 * the application shuts down, and {@code run} exits with 3.
 *
 * <p>Each input partition starts with a malformed record, dead-lettered before any article is tagged: bad input is
 * set aside while a real failure is not. (It also once mattered for timing: Kafka Streams 4.4's default production
 * handler dead-letters send errors from the producer's own I/O thread, which without the dead-letter topic's metadata
 * waited {@code max.block.ms}, 60 s, per failure; the tagger's handler sends no dead letter for a send error.)
 */
class RunFailurePolicyIT {

    private static final Logger LOG = LoggerFactory.getLogger(RunFailurePolicyIT.class);

    private static final int OUTPUT_MAX_BYTES = 256;
    private static final int ARTICLES = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final TaggerConfig TOPICS = TaggerConfig.defaults("unused:9092");
    private static final String REPLACED = "died; replacing it";
    private static final String GAVE_UP = "shutting the application down";

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldReplaceTheDeadThreadTwiceThenShutDownAndExitWithThree(@TempDir Path dir) throws Exception {
        String log = runUntilExit(dir, Map.of("failure.max.thread.replacements", "2"), List.of(), 3);

        assertThat(log.lines().filter(l -> l.contains(REPLACED))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("(1 of 2 replacements allowed"))
                .anySatisfy(l -> assertThat(l).contains("(2 of 2 replacements allowed"));
        assertThat(log.lines().filter(l -> l.contains(GAVE_UP))).hasSize(1);
        assertThat(log).contains("RecordTooLargeException").contains("Shut down; exit code 3");
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldShutDownAtTheFirstFailureWhenTheCommandLineAllowsNoReplacement(@TempDir Path dir) throws Exception {
        String log = runUntilExit(dir, Map.of("failure.max.thread.replacements", "5"),
                List.of("--max-thread-replacements", "0"), 3);

        assertThat(log.lines().filter(l -> l.contains(REPLACED))).isEmpty();
        assertThat(log.lines().filter(l -> l.contains(GAVE_UP))).hasSize(1);
        assertThat(log).contains("RecordTooLargeException");
    }

    /** Runs the tagger against the misconfigured cluster until it exits by itself; its log. */
    private static String runUntilExit(Path dir, Map<String, String> config, List<String> arguments, int expectedExit)
            throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = TopicAdmin.createAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            TopicAdmin.ensureTopics(admin, misconfiguredTopics(), Duration.ofSeconds(30));
            produceMalformedHeads(broker.bootstrapServers(), admin);
            RunFixture.produce(broker.bootstrapServers(), TOPICS.inputTopic(), BenchPayloads.samples(), ARTICLES);
            Map<String, String> entries = new HashMap<>(config);
            entries.put("bootstrap.servers", broker.bootstrapServers());
            entries.put("application.id", "failure-policy");
            entries.put("state.dir", dir.resolve("state").toString());
            // A dead thread's consumer does not leave the group: its partitions go to the new thread once its session
            // has expired. 6 s (the broker's minimum) instead of the default 45 s keeps the test short.
            entries.put("streams.session.timeout.ms", "6000");
            entries.put("streams.heartbeat.interval.ms", "1500");
            // A failed send surfaces in the stream thread at its next send or commit; once the input is all
            // processed, that is the commit, every 30 s by default.
            entries.put("streams.commit.interval.ms", "1000");
            Path file = RunFixture.writeConfig(dir.resolve("tagger.properties"), entries);
            long started = System.nanoTime();
            try (TaggerProcess tagger = TaggerProcess.start(file, Map.of(), dir.resolve("run.log"),
                    arguments.toArray(String[]::new))) {
                int exitCode = tagger.awaitExit(TIMEOUT);
                LOG.info("RunFailurePolicyIT: run {} exited with {} after {} ms by itself", arguments, exitCode,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                String log = tagger.output();
                log.lines().filter(l -> l.contains("ThreadFailureHandler") || l.contains("Kafka Streams state")
                        || l.contains("Shut down; exit code")).map(l -> l.length() > 200 ? l.substring(0, 200) + "..." : l)
                        .forEach(l -> LOG.info("RunFailurePolicyIT: tagger: {}", l));
                assertThat(exitCode).as("exit code; the log:\n%s", tagger.outputTail(60)).isEqualTo(expectedExit);
                return log;
            }
        }
    }

    /** The project's topics, but an output topic that takes records of at most {@value #OUTPUT_MAX_BYTES} bytes. */
    private static List<TopicSpec> misconfiguredTopics() {
        return TopicSpecs.loadDefault().stream().map(t -> t.name().equals(TOPICS.outputTopic())
                ? new TopicSpec(t.name(), t.partitions(), t.replicationFactor(),
                        Map.of("max.message.bytes", Integer.toString(OUTPUT_MAX_BYTES)))
                : t).toList();
    }

    /** One value that is not JSON at the head of every input partition, a minute older than the articles. */
    private static void produceMalformedHeads(String bootstrapServers, Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(TOPICS.inputTopic())).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(TOPICS.inputTopic()).partitions().size();
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(TOPICS.inputTopic(), p, minuteAgo, ("malformed-" + p).getBytes(
                        StandardCharsets.US_ASCII), "not json".getBytes(StandardCharsets.US_ASCII))).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
