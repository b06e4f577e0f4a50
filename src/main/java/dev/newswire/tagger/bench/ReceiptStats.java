package dev.newswire.tagger.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The measurements of what a run's receiver is given, one poll at a time: each article counted once (tagged or
 * dead-lettered), the latency of each tagged one from its record's timestamp (ms) to the poll's wall-clock time
 * (µs) in an HdrHistogram (µs, 3 significant digits) once the first {@code warmup} are in, and receipts per second.
 * Pure: no Kafka client, no clock of its own. Not thread-safe.
 */
final class ReceiptStats {

    /** Latencies above an hour are recorded as an hour. */
    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final String dlqTopic;
    private final long first;
    private final int expected;
    private final int warmup;
    private final BitSet seen = new BitSet();
    private final Histogram latency = new Histogram(MAX_MICROS, 3);
    private final Histogram second = new Histogram(MAX_MICROS, 3);
    private final List<SecondStats> perSecond = new ArrayList<>();
    private boolean started;
    private long accounted;
    private long tagged;
    private long deadLettered;
    private long duplicates;
    private long unexpected;
    private long negative;
    private long firstReceiptNanos;
    private long warmupEndNanos;
    private long taggedAtWarmupEnd = -1;
    private long lastReceiptNanos;
    private long currentSecond;

    /**
     * @param dlqTopic records from this topic are dead letters
     * @param first    the first article's number
     * @param expected the articles are {@code b-<first> .. b-<first+expected-1>}
     * @param warmup   tagged receipts left out of latency and throughput
     */
    ReceiptStats(String dlqTopic, long first, int expected, int warmup) {
        this.dlqTopic = dlqTopic;
        this.first = first;
        this.expected = expected;
        this.warmup = warmup;
    }

    /**
     * Takes the records of one poll.
     *
     * @param nanos     {@link System#nanoTime()} when the poll returned
     * @param nowMicros the wall-clock time then, µs since the epoch
     */
    void poll(Iterable<ConsumerRecord<byte[], byte[]>> records, long nanos, long nowMicros) {
        if (!started) {
            started = true;
            firstReceiptNanos = nanos;
        }
        rollSecond(nanos);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            take(record, nowMicros);
        }
        if (taggedAtWarmupEnd < 0 && tagged >= Math.max(warmup, 1)) {
            taggedAtWarmupEnd = tagged;
            warmupEndNanos = nanos;
        }
        lastReceiptNanos = nanos;
    }

    /** Articles accounted for: tagged or dead-lettered, each once. */
    long accounted() {
        return accounted;
    }

    private void take(ConsumerRecord<byte[], byte[]> record, long nowMicros) {
        long number = BenchPayloads.indexOf(record.key());
        long i = number - first;
        if (number < 0 || i < 0 || i >= expected) {
            unexpected++;
            return;
        }
        if (seen.get((int) i)) {
            duplicates++;
            return;
        }
        seen.set((int) i);
        accounted++;
        if (record.topic().equals(dlqTopic)) {
            deadLettered++;
            return;
        }
        tagged++;
        long micros = nowMicros - TimeUnit.MILLISECONDS.toMicros(record.timestamp());
        if (micros < 0) {
            negative++;
            micros = 0;
        }
        micros = Math.min(micros, MAX_MICROS);
        second.recordValue(micros);
        if (tagged > warmup) {
            latency.recordValue(micros);
        }
    }

    /** Closes the seconds before {@code nanos}'s second, empty ones included. */
    private void rollSecond(long nanos) {
        long s = (nanos - firstReceiptNanos) / 1_000_000_000L;
        while (currentSecond < s) {
            closeSecond();
            currentSecond++;
        }
    }

    private void closeSecond() {
        LatencyStats stats = LatencyStats.of(second);
        perSecond.add(new SecondStats(currentSecond, stats.count(), stats.p50Ms(), stats.p99Ms(), stats.maxMs()));
        second.reset();
    }

    /** The figures so far; call once, at the end. */
    ReceiverResult result() {
        if (tagged > 0) {
            closeSecond();
        }
        List<String> missingExamples = new ArrayList<>();
        for (int i = seen.nextClearBit(0); i < expected && missingExamples.size() < 10; i = seen.nextClearBit(i + 1)) {
            missingExamples.add(BenchPayloads.id(first + i));
        }
        long measured = taggedAtWarmupEnd < 0 ? 0 : tagged - taggedAtWarmupEnd;
        double window = taggedAtWarmupEnd < 0 ? 0 : (lastReceiptNanos - warmupEndNanos) / 1e9;
        double rate = measured > 0 && window > 0 ? measured / window : 0;
        return new ReceiverResult(tagged, deadLettered, duplicates, unexpected, expected - seen.cardinality(),
                missingExamples, Math.min(warmup, tagged), LatencyStats.of(latency), rate, measured, window,
                negative, perSecond);
    }
}
