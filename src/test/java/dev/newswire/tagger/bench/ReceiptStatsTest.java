package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ReceiptStatsTest {

    private static final long SECOND = 1_000_000_000L;
    /** Wall clock of the receipts: 10 s after the epoch, in µs. */
    private static final long NOW_MICROS = 10_000_000L;

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, long timestampMs) {
        return new ConsumerRecord<>(topic, 0, 0, timestampMs, TimestampType.CREATE_TIME, -1, -1,
                key.getBytes(StandardCharsets.US_ASCII), new byte[0], new RecordHeaders(), Optional.empty());
    }

    @Test
    void shouldMeasureLatencyFromTheRecordTimestampAfterTheWarmup() {
        ReceiptStats stats = new ReceiptStats("dlq", 0, 4, 1);

        stats.poll(List.of(record("out", "b-0", 9_000)), 0, NOW_MICROS);                     // warm-up: 1000 ms
        stats.poll(List.of(record("out", "b-1", 9_998), record("out", "b-2", 9_990)), SECOND / 2, NOW_MICROS);
        stats.poll(List.of(record("out", "b-3", 9_996)), SECOND, NOW_MICROS + 2_000);

        ReceiverResult result = stats.result();
        assertThat(result.tagged()).isEqualTo(4);
        assertThat(result.missing()).isZero();
        assertThat(result.latency().count()).isEqualTo(3);
        assertThat(result.latency().p50Ms()).isBetween(5.99, 6.01);
        assertThat(result.latency().maxMs()).isBetween(9.99, 10.01);
        assertThat(result.latency().p50Ms()).isLessThanOrEqualTo(result.latency().p99Ms());
        assertThat(result.latency().p99Ms()).isLessThanOrEqualTo(result.latency().p999Ms());
        // From the end of the warm-up (t = 0) to the last receipt (t = 1 s): the 3 articles after it.
        assertThat(result.measuredRecords()).isEqualTo(3);
        assertThat(result.windowSeconds()).isEqualTo(1.0);
        assertThat(result.sustainedRate()).isEqualTo(3.0);
    }

    @Test
    void shouldCountOnlyTheArticlesFromItsFirstNumberOn() {
        ReceiptStats stats = new ReceiptStats("dlq", 1_000, 2, 0);

        stats.poll(List.of(record("out", "b-0", 9_999), record("out", "b-1000", 9_999), record("out", "b-1002", 9_999)),
                0, NOW_MICROS);

        ReceiverResult result = stats.result();
        assertThat(result.tagged()).isEqualTo(1);
        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.missing()).isEqualTo(1);
        assertThat(result.missingExamples()).containsExactly("b-1001");
    }

    @Test
    void shouldCountEachArticleOnceAndDeadLettersApart() {
        ReceiptStats stats = new ReceiptStats("dlq", 0, 5, 0);

        stats.poll(List.of(record("out", "b-0", 9_999), record("out", "b-0", 9_999), record("dlq", "b-1", 9_999),
                record("out", "other", 9_999), record("out", "b-7", 9_999), record("out", "b-2", 10_001)), 0, NOW_MICROS);

        ReceiverResult result = stats.result();
        assertThat(result.tagged()).isEqualTo(2);
        assertThat(result.deadLettered()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.missing()).isEqualTo(2);
        assertThat(result.missingExamples()).containsExactly("b-3", "b-4");
        assertThat(result.negativeLatencies()).isEqualTo(1);
        assertThat(stats.accounted()).isEqualTo(3);
    }

    @Test
    void shouldCountReceiptsPerSecondIncludingEmptySeconds() {
        ReceiptStats stats = new ReceiptStats("dlq", 0, 3, 0);

        stats.poll(List.of(record("out", "b-0", 9_999)), 0, NOW_MICROS);
        stats.poll(List.of(record("out", "b-1", 9_999), record("out", "b-2", 9_999)), 2 * SECOND + 1, NOW_MICROS);

        assertThat(stats.result().perSecond()).extracting(SecondStats::received).containsExactly(1L, 0L, 2L);
    }
}
