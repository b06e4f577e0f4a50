package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {

    private static final int LIMIT = 32 * 1024;

    @Test
    void shouldLeaveARecordThatFitsAlone() {
        ProducerRecord<byte[], byte[]> record = deadLetter(bytes(100), bytes(1000), List.of());
        assertThat(DeadLetterRecords.fit(record, LIMIT)).isSameAs(record);
    }

    @Test
    void shouldCutTheValueToFitAndSaySoWithTheOriginalSize() {
        byte[] value = bytes(100_000);
        ProducerRecord<byte[], byte[]> record = deadLetter(utf8("k-1"), value, List.of(new RecordHeader("trace-id", utf8("abc"))));

        ProducerRecord<byte[], byte[]> cut = DeadLetterRecords.fit(record, LIMIT);

        assertThat(cut.value()).isEqualTo(Arrays.copyOf(value, cut.value().length));
        assertThat(cut.value().length).isBetween(LIMIT - 12_000, LIMIT);
        assertThat(cut.key()).isEqualTo(utf8("k-1"));
        assertThat(header(cut, DeadLetterRecords.TRUNCATED_HEADER)).isEqualTo("value");
        assertThat(header(cut, DeadLetterRecords.ORIGINAL_SIZE_HEADER)).isEqualTo("100000");
        assertThat(header(cut, "trace-id")).isEqualTo("abc");
        assertThat(header(cut, ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME)).isNotEmpty();
        assertThat(cut.timestamp()).isEqualTo(record.timestamp());
        assertThat(DeadLetterRecords.sizeUpperBound(cut.key(), cut.value(), cut.headers())).isBetween(LIMIT - 300L, (long) LIMIT);
        assertThat(kafkaBatchSize(cut)).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void shouldDropCopiedHeadersAndTheStackTraceWhenAnEmptyValueWouldStillNotFit() {
        List<Header> bulky = List.of(new RecordHeader("blob", bytes(40_000)));
        ProducerRecord<byte[], byte[]> record = deadLetter(utf8("k-2"), bytes(3000), bulky, "not JSON: é".repeat(400));

        ProducerRecord<byte[], byte[]> cut = DeadLetterRecords.fit(record, LIMIT);

        assertThat(cut.headers().lastHeader("blob")).isNull();
        assertThat(cut.headers().lastHeader(ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME)).isNull();
        assertThat(header(cut, DeadLetterRecords.TRUNCATED_HEADER)).isEqualTo("headers");
        assertThat(header(cut, DeadLetterRecords.REASON_HEADER)).isEqualTo("malformed-json");
        assertThat(header(cut, ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME)).isEqualTo("17");
        assertThat(cut.value()).hasSize(3000);
        byte[] message = cut.headers().lastHeader(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME).value();
        assertThat(message.length).isBetween(1000, 1024);
        assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("not JSON: é").doesNotContain("\uFFFD");
        assertThat(kafkaBatchSize(cut)).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void shouldCutTheKeyOnlyAsALastResort() {
        byte[] key = bytes(100_000);
        ProducerRecord<byte[], byte[]> cut = DeadLetterRecords.fit(deadLetter(key, bytes(10), List.of()), LIMIT);

        assertThat(header(cut, DeadLetterRecords.TRUNCATED_HEADER)).isEqualTo("value,headers,key");
        assertThat(header(cut, DeadLetterRecords.ORIGINAL_KEY_SIZE_HEADER)).isEqualTo("100000");
        assertThat(cut.key()).isEqualTo(Arrays.copyOf(key, cut.key().length));
        assertThat(cut.value()).isEmpty();
        assertThat(kafkaBatchSize(cut)).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void shouldBoundTheSizeKafkaGivesTheRecordInABatch() {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            int headerCount = random.nextInt(5);
            Header[] headers = new Header[headerCount];
            for (int h = 0; h < headerCount; h++) {
                headers[h] = new RecordHeader("h" + random.nextInt(1000), random.nextBoolean() ? null : bytes(random.nextInt(300)));
            }
            byte[] key = random.nextInt(10) == 0 ? null : bytes(random.nextInt(200));
            byte[] value = random.nextInt(10) == 0 ? null : bytes(random.nextInt(100_000));
            long bound = DeadLetterRecords.sizeUpperBound(key, value, Arrays.asList(headers));
            int actual = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(random.nextLong() >>> 1, key, value, headers))
                    .sizeInBytes();
            assertThat(bound).isGreaterThanOrEqualTo(actual).isLessThanOrEqualTo(actual + 40 + 10L * headerCount);
        }
    }

    @Test
    void shouldRefuseAMissingTopicOrATooSmallLimit() {
        assertThatThrownBy(() -> DeadLetterRecords.fromConfigs(Map.of(), DeadLetterHandler.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        assertThatThrownBy(() -> DeadLetterRecords.fromConfigs(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq",
                DeadLetterRecords.MAX_BYTES_CONFIG, "100"), DeadLetterHandler.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining(DeadLetterRecords.MAX_BYTES_CONFIG);
        assertThat(DeadLetterRecords.fromConfigs(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq"),
                DeadLetterHandler.class).maxBytes()).isEqualTo(TaggerConfig.MAX_REQUEST_BYTES);
    }

    /** A dead letter as the handlers build it: Streams' error headers after the source headers, then ours. */
    private static ProducerRecord<byte[], byte[]> deadLetter(byte[] key, byte[] value, List<Header> sourceHeaders) {
        return deadLetter(key, value, sourceHeaders, "not JSON: unexpected 'é'");
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(byte[] key, byte[] value, List<Header> sourceHeaders, String message) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("newswire-dlq", null, 1_000L, key, value, sourceHeaders);
        Exception failure = new InvalidArticleException(InvalidArticleException.Reason.MALFORMED_JSON, message);
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        record.headers().add(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME, utf8(failure.getClass().getName()));
        record.headers().add(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME, utf8(failure.getMessage()));
        record.headers().add(ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME, utf8(trace.toString()));
        record.headers().add(ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME, utf8("newswire"));
        record.headers().add(ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME, utf8("3"));
        record.headers().add(ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME, utf8("17"));
        record.headers().add(DeadLetterRecords.REASON_HEADER, utf8("malformed-json"));
        return record;
    }

    private static int kafkaBatchSize(ProducerRecord<byte[], byte[]> record) {
        return MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord(record.timestamp(), record.key(), record.value(), record.headers().toArray())).sizeInBytes();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
