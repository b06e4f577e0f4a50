package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.bench.BenchPayloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a tagger's output and dead-letter topics from their beginning, in a thread of its own, and counts how often
 * each article {@code b-<i>} (i below {@code articles}) came back. An output record counts only if it is a tagged
 * article: its key is an article's id, its value a JSON object with the same id and a classification naming a
 * model; anything else is a problem, listed. Thread-safe.
 */
final class OutputTally implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROBLEMS = 10;

    /** The counts at one moment. {@code duplicates} are outputs beyond the first of an article. */
    record Counts(int inputs, long outputs, int distinct, long duplicates, int lost, long deadLetters, long problems) {

        @Override
        public String toString() {
            return "inputs " + inputs + ", outputs " + outputs + ", distinct ids " + distinct + ", duplicates "
                    + duplicates + ", lost " + lost + ", dead letters " + deadLetters + ", other records " + problems;
        }
    }

    private final String outputTopic;
    private final String dlqTopic;
    private final int articles;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicIntegerArray seen;
    private final AtomicLong outputs = new AtomicLong();
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong problemCount = new AtomicLong();
    private final Thread thread;
    private volatile CatchUp catchUp;
    private volatile Throwable failure;

    /** A request to read up to the topics' end offsets as of the request. */
    private static final class CatchUp {
        final CountDownLatch done = new CountDownLatch(1);
        Map<TopicPartition, Long> targets;
    }

    /**
     * Starts reading.
     *
     * @param readCommitted whether to read as a {@code read_committed} consumer (only committed transactions)
     */
    OutputTally(String bootstrapServers, String outputTopic, String dlqTopic, int articles, boolean readCommitted) {
        this.outputTopic = outputTopic;
        this.dlqTopic = dlqTopic;
        this.articles = articles;
        this.seen = new AtomicIntegerArray(articles);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::readUntilClosed, "output-tally");
        thread.setDaemon(true);
        thread.start();
    }

    Counts counts() {
        int d = (int) distinct.get();
        long o = outputs.get();
        return new Counts(articles, o, d, o - d, articles - d, deadLetters.get(), problemCount.get());
    }

    /** The first few records that were not tagged articles, with why. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The article numbers that have not come back (at most {@code limit}). */
    List<Integer> missing(int limit) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < articles && missing.size() < limit; i++) {
            if (seen.get(i) == 0) {
                missing.add(i);
            }
        }
        return missing;
    }

    /**
     * Waits until every record that is in the topics now (for a read_committed reader: up to the last stable
     * offset) has been counted.
     *
     * @return false on timeout
     */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        CatchUp request = new CatchUp();
        catchUp = request;
        boolean done = request.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        throwIfFailed();
        return done;
    }

    /** Waits until {@code condition} holds of the counts; false on timeout. */
    boolean awaitCounts(Predicate<Counts> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(counts())) {
            throwIfFailed();
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("the output reader failed", failure);
        }
    }

    private void readUntilClosed() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(outputTopic, dlqTopic)) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    count(r);
                }
                answerCatchUp(partitions);
            }
        } catch (WakeupException closing) {
            // close() was called.
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void answerCatchUp(List<TopicPartition> partitions) {
        CatchUp request = catchUp;
        if (request == null) {
            return;
        }
        if (request.targets == null) {
            request.targets = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
        for (TopicPartition p : partitions) {
            if (consumer.position(p, Duration.ofSeconds(30)) < request.targets.get(p)) {
                return;
            }
        }
        catchUp = null;
        request.done.countDown();
    }

    private void count(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(dlqTopic)) {
            deadLetters.incrementAndGet();
            return;
        }
        String problem = problemOf(r);
        if (problem != null) {
            problemCount.incrementAndGet();
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + problem);
            }
            return;
        }
        outputs.incrementAndGet();
        if (seen.getAndIncrement((int) BenchPayloads.indexOf(r.key())) == 0) {
            distinct.incrementAndGet();
        }
    }

    /** Why the record is not a tagged article of this run, or null if it is one. */
    private String problemOf(ConsumerRecord<byte[], byte[]> r) {
        long index = BenchPayloads.indexOf(r.key());
        if (index < 0 || index >= articles) {
            return "key is not an article id of this run";
        }
        JsonNode value;
        try {
            value = JSON.readTree(r.value());
        } catch (IOException e) {
            return "value is not JSON: " + e.getMessage();
        }
        String id = new String(r.key(), StandardCharsets.US_ASCII);
        if (value == null || !value.path("id").asText("").equals(id)) {
            return "value's id is not the key " + id;
        }
        if (value.at("/classification/model/id").asText("").isEmpty()) {
            return "no classification naming a model";
        }
        return null;
    }
}
