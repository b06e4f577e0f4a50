package dev.newswire.tagger.cli;

import dev.newswire.tagger.bench.BenchPayloads;
import dev.newswire.tagger.data.ReutersFixture;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the tests of {@code run} in a child JVM share: the articles, the configuration file, the input, the group's progress. */
final class RunFixture {

    private RunFixture() {
    }

    /**
     * The keras46 test newswires of Reuters-21578, cycled with unique ids {@code b-<i>}; skips the test where the
     * corpus is absent.
     */
    static BenchPayloads reutersOrSkip() throws IOException {
        return BenchPayloads.keras46Test(ReutersFixture.corpusLocationOrSkip());
    }

    /** Writes {@code entries} as the properties file {@code run --config} reads. */
    static Path writeConfig(Path file, Map<String, String> entries) throws IOException {
        Properties properties = new Properties();
        properties.putAll(entries);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by a test");
        }
        return file;
    }

    /**
     * Sends articles {@code 0..count-1} to {@code topic}, idempotently with acks=all, and waits until all are written;
     * throws if any could not be.
     *
     * <p>One request in flight: with more, a producer that starts on a partition the broker has only just created can
     * lose a batch (KAFKA-15591, seen here with Kafka 4.4.0: the first request fails NOT_LEADER_OR_FOLLOWER, the
     * second is appended, and every retry of the first is an OutOfOrderSequenceException until it expires).
     */
    static void produce(String bootstrapServers, String topic, BenchPayloads payloads, int count) throws Exception {
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, BenchPayloads.key(i), payloads.value(i)), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + count + " articles could not be sent", firstFailure.get());
        }
    }

    /** The offsets of {@code topic} that the consumer group {@code groupId} has committed, summed over partitions. */
    static long committed(Admin admin, String groupId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** The end offsets of {@code topic}, summed over partitions. */
    static long endOffsets(Admin admin, String topic) throws Exception {
        return endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until no transaction is open on {@code topics}: every partition's last stable offset (the end for a
     * read_committed reader) is its end offset. A killed tagger's transaction stays open until the broker aborts it
     * ({@code transaction.timeout.ms}, then the broker's next check for timed-out transactions), since the next
     * instance does not fence it: without a persistent store Kafka Streams takes a new process id, and so new
     * transactional ids, at every start. Until then a read_committed reader sees nothing behind it.
     *
     * @return false on timeout
     */
    static boolean awaitNoOpenTransactions(Admin admin, List<String> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean stable = true;
            for (String topic : topics) {
                stable &= endOffsets(admin, topic, IsolationLevel.READ_COMMITTED)
                        .equals(endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED));
            }
            if (stable) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    /** Each partition's end offset for a reader of {@code isolation}. */
    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, IsolationLevel isolation)
            throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        ends.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * Waits until the group has committed the whole of {@code topic}: then every output of a committed input is
     * in the output topic (under exactly-once, committed with it in one transaction).
     *
     * @return false on timeout
     */
    static boolean awaitCommittedToEnd(Admin admin, String groupId, String topic, Duration timeout) throws Exception {
        long end = endOffsets(admin, topic);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (committed(admin, groupId, topic) < end) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
