package dev.newswire.tagger.stream;

import dev.newswire.tagger.AppVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

/**
 * Builds the dead-letter records of both handlers ({@link DeadLetterHandler} for input that is not an article,
 * {@link SerializationDeadLetterHandler} for output that cannot be written) in one format, and makes each fit the
 * dead-letter topic.
 *
 * <p>The record is Kafka Streams' own (KIP-1034, {@link ExceptionHandlerUtils#buildDeadLetterQueueRecord}): the
 * original key and value bytes, the source record's timestamp and headers, and the headers
 * {@code __streams.errors.exception} (class), {@code .message}, {@code .stacktrace}, {@code .topic},
 * {@code .partition} and {@code .offset}. To these it adds {@value #REASON_HEADER} (a reason code),
 * {@value #TIMESTAMP_HEADER} (the source record's timestamp, milliseconds since the epoch) and
 * {@value #VERSION_HEADER} ({@link AppVersion}).
 *
 * <p>A record larger than {@value #MAX_BYTES_CONFIG} (the dead-letter topic's {@code max.message.bytes}) would be
 * refused by the broker, and a dead letter that cannot be written would stop the stream thread on every retry, so
 * it is cut: first the value, from its end; when even an empty value does not fit, also the copied source headers,
 * the stack trace and a long message; as a last resort the key. A cut record says so in {@value #TRUNCATED_HEADER}
 * (what was cut, e.g. {@code value}) and {@value #ORIGINAL_SIZE_HEADER} (the value's original length in bytes).
 * Sizes are reckoned as an upper bound of the record's size in its own record batch (the producer sends a record
 * larger than {@code batch.size} in a batch of its own; compression is off by default).
 *
 * <p>Immutable and thread-safe.
 */
public final class DeadLetterRecords {

    /** Header with the reason code, e.g. {@code malformed-json}. */
    public static final String REASON_HEADER = "newswire.dlq.reason";
    /** Header with the source record's timestamp, milliseconds since the epoch, in decimal. */
    public static final String TIMESTAMP_HEADER = "newswire.dlq.timestamp";
    /** Header with the version of the application that dead-lettered the record. */
    public static final String VERSION_HEADER = "newswire.dlq.app.version";
    /** Header present only on a cut record: what was cut, comma-separated ({@code value}, {@code headers}, {@code key}). */
    public static final String TRUNCATED_HEADER = "newswire.dlq.truncated";
    /** Header present only on a cut record: the length in bytes of the original value. */
    public static final String ORIGINAL_SIZE_HEADER = "newswire.dlq.original.size";
    /** Header present only when the key was cut: the length in bytes of the original key. */
    public static final String ORIGINAL_KEY_SIZE_HEADER = "newswire.dlq.original.key.size";
    /** Streams configuration entry (set from {@code dlq.max.message.bytes}): the largest dead-letter record. */
    public static final String MAX_BYTES_CONFIG = "newswire.dlq.max.message.bytes";
    /** The smallest {@value #MAX_BYTES_CONFIG}: room for the headers that are never cut. */
    public static final int MIN_MAX_BYTES = 4096;

    /** {@code DefaultRecordBatch.RECORD_BATCH_OVERHEAD}: the batch header around a record. */
    static final int BATCH_OVERHEAD = 61;
    /** A record's own fields at their widest: length (varint), attributes, timestamp delta (varlong), offset delta. */
    static final int RECORD_OVERHEAD = 5 + 1 + 10 + 5;
    /** The widest varint, which prefixes every length. */
    static final int VARINT = 5;
    /** A message header longer than this is cut when the value alone cannot make the record fit. */
    static final int MAX_CUT_MESSAGE_BYTES = 1024;

    private static final String STREAMS_HEADER_PREFIX = "__streams.errors.";

    private final String topic;
    private final int maxBytes;

    public DeadLetterRecords(String topic, int maxBytes) {
        if (topic == null || topic.isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must name the dead-letter topic");
        }
        if (maxBytes < MIN_MAX_BYTES) {
            throw new ConfigException(MAX_BYTES_CONFIG + " must be at least " + MIN_MAX_BYTES + ", got " + maxBytes);
        }
        this.topic = topic;
        this.maxBytes = maxBytes;
    }

    /**
     * From a handler's configuration: the topic of {@code errors.dead.letter.queue.topic.name} and the limit of
     * {@value #MAX_BYTES_CONFIG} ({@link TaggerConfig#MAX_REQUEST_BYTES} if absent).
     */
    static DeadLetterRecords fromConfigs(Map<String, ?> configs, Class<?> handler) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must name the dead-letter topic for " + handler.getSimpleName());
        }
        Object max = configs.get(MAX_BYTES_CONFIG);
        int maxBytes;
        try {
            maxBytes = max == null ? TaggerConfig.MAX_REQUEST_BYTES : Integer.parseInt(max.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(MAX_BYTES_CONFIG + " must be a whole number, got '" + max + "'");
        }
        return new DeadLetterRecords(topic.toString(), maxBytes);
    }

    public String topic() {
        return topic;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The dead letter of the record in {@code context}, whose original bytes are {@code key} and {@code value}. */
    public ProducerRecord<byte[], byte[]> build(ErrorHandlerContext context, byte[] key, byte[] value,
                                                Exception exception, String reason) {
        ProducerRecord<byte[], byte[]> record = ExceptionHandlerUtils.buildDeadLetterQueueRecord(topic, key, value,
                context, exception);
        record.headers().add(REASON_HEADER, utf8(reason));
        record.headers().add(TIMESTAMP_HEADER, utf8(Long.toString(context.timestamp())));
        record.headers().add(VERSION_HEADER, utf8(AppVersion.current()));
        return fit(record, maxBytes);
    }

    /** {@code record} if it fits in {@code maxBytes}, else a copy cut to fit (see the class comment). */
    static ProducerRecord<byte[], byte[]> fit(ProducerRecord<byte[], byte[]> record, int maxBytes) {
        byte[] key = record.key();
        byte[] value = record.value();
        List<Header> headers = Arrays.asList(record.headers().toArray());
        if (sizeUpperBound(key, value, headers) <= maxBytes) {
            return record;
        }
        // Room for the truncation headers at their longest, so that the record still fits once they are added.
        long marks = sizeUpperBound(null, null, marks(List.of("value", "headers", "key"), value, key))
                - sizeUpperBound(null, null, List.of());
        List<String> cut = new ArrayList<>();
        if (sizeUpperBound(key, null, headers) + marks > maxBytes) {
            headers = essentialHeaders(headers);
            cut.add("headers");
        }
        if (sizeUpperBound(key, null, headers) + marks > maxBytes) {
            key = prefix(key, maxBytes - marks - sizeUpperBound(null, null, headers));
            cut.add("key");
        }
        byte[] kept = prefix(value, maxBytes - marks - sizeUpperBound(key, null, headers));
        if (kept != value) {
            cut.add(0, "value");
        }
        List<Header> marked = new ArrayList<>(headers);
        marked.addAll(marks(cut, value, record.key()));
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), key, kept, marked);
    }

    /**
     * An upper bound of the bytes a record takes in a record batch of its own: the batch header, the record's
     * fields at their widest varints, key, value and every header's name and value.
     */
    static long sizeUpperBound(byte[] key, byte[] value, Iterable<Header> headers) {
        long size = BATCH_OVERHEAD + RECORD_OVERHEAD + VARINT + length(key) + VARINT + length(value) + VARINT;
        for (Header header : headers) {
            size += VARINT + utf8(header.key()).length + VARINT + length(header.value());
        }
        return size;
    }

    /** The truncation headers saying that {@code cut} was cut from a record of {@code value} and {@code key}. */
    private static List<Header> marks(List<String> cut, byte[] value, byte[] key) {
        List<Header> marks = new ArrayList<>();
        marks.add(new RecordHeader(TRUNCATED_HEADER, utf8(String.join(",", cut))));
        marks.add(new RecordHeader(ORIGINAL_SIZE_HEADER, utf8(Integer.toString(length(value)))));
        if (cut.contains("key")) {
            marks.add(new RecordHeader(ORIGINAL_KEY_SIZE_HEADER, utf8(Integer.toString(length(key)))));
        }
        return marks;
    }

    /**
     * Only the headers that say what happened: no copied source headers, no stack trace, the message cut to
     * {@value #MAX_CUT_MESSAGE_BYTES} bytes.
     */
    private static List<Header> essentialHeaders(List<Header> headers) {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (header.key().equals(ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME)) {
                continue;
            }
            if (header.key().equals(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME) && header.value() != null) {
                kept.add(new RecordHeader(header.key(), utf8Prefix(header.value(), MAX_CUT_MESSAGE_BYTES)));
            } else if (header.key().startsWith(STREAMS_HEADER_PREFIX) || header.key().startsWith("newswire.dlq.")) {
                kept.add(header);
            }
        }
        return kept;
    }

    /** The first {@code room} bytes of {@code bytes} (null stays null). */
    private static byte[] prefix(byte[] bytes, long room) {
        if (bytes == null || bytes.length <= room) {
            return bytes;
        }
        return Arrays.copyOf(bytes, (int) Math.max(0, room));
    }

    /** At most {@code max} bytes of UTF-8 text, cut before a whole character. */
    private static byte[] utf8Prefix(byte[] text, int max) {
        if (text.length <= max) {
            return text;
        }
        int end = max;
        while (end > 0 && (text[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(text, end);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
