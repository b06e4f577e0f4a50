package dev.newswire.tagger.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a run's output and dead-letter topics on its own thread and hands each poll, with the time it returned, to
 * {@link ReceiptStats}. Reads every partition by assignment from the beginning, without a consumer group. Started
 * by {@link #start}; {@link #finish} waits for the articles, stops it and gives the result.
 */
final class Receiver {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ReceiptStats stats;
    private final int expected;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long accounted;
    private volatile RuntimeException failure;

    private Receiver(String bootstrapServers, BenchTopics topics, long first, int expected, int warmup,
                     boolean fromEnd) {
        this.consumer = new KafkaConsumer<>(config(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.stats = new ReceiptStats(topics.dlq(), first, expected, warmup);
        this.expected = expected;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.output(), topics.dlq())) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30))); // resolve the lazy seek now
        } else {
            consumer.seekToBeginning(partitions);
        }
        this.thread = new Thread(this::loop, "bench-receiver");
        thread.setDaemon(true);
    }

    /** The consumer's settings: no group, uncommitted reads, large fetches that return as soon as data is there. */
    static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    }

    /**
     * Starts receiving articles {@code b-<first> .. b-<first+expected-1>}; the first {@code warmup} receipts are not
     * measured.
     *
     * @param fromEnd read only what the topics get from now on (else from the beginning)
     */
    static Receiver start(String bootstrapServers, BenchTopics topics, long first, int expected, int warmup,
                          boolean fromEnd) {
        Receiver receiver = new Receiver(bootstrapServers, topics, first, expected, warmup, fromEnd);
        receiver.thread.start();
        return receiver;
    }

    /** Articles accounted for so far (tagged or dead-lettered, each once). */
    long accounted() {
        return accounted;
    }

    /**
     * Waits until every article is accounted for, or nothing new has come for {@code idleTimeout}, then stops.
     * Tells {@code progress} every 10 s how far it is.
     *
     * @throws IllegalStateException if the receiving thread failed
     */
    ReceiverResult finish(Duration idleTimeout, Consumer<String> progress) throws InterruptedException {
        long last = -1;
        long lastProgress = System.nanoTime();
        long nextReport = lastProgress + PROGRESS_EVERY_NANOS;
        while (accounted < expected && failure == null && thread.isAlive()) {
            long now = System.nanoTime();
            if (now > nextReport) {
                progress.accept(String.format(Locale.ROOT, "%,d of %,d back", accounted, expected));
                nextReport = now + PROGRESS_EVERY_NANOS;
            }
            if (accounted != last) {
                last = accounted;
                lastProgress = now;
            } else if (now - lastProgress > idleTimeout.toNanos()) {
                break;
            }
            Thread.sleep(20);
        }
        close();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (failure != null) {
            throw new IllegalStateException("the bench consumer failed: " + failure.getMessage(), failure);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the bench consumer did not stop within 30 s");
        }
        return stats.result();
    }

    /** Stops receiving, if {@link #finish} has not; idempotent. */
    void close() {
        stop = true;
    }

    private void loop() {
        try (consumer) {
            while (!stop && accounted < expected) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    long nanos = System.nanoTime();
                    Instant now = Instant.now();
                    stats.poll(records, nanos, TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000);
                    accounted = stats.accounted();
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }
}
