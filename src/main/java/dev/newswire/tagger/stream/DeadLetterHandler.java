package dev.newswire.tagger.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every input record that fails to deserialize to the dead-letter topic and lets processing go on. Uses
 * Kafka Streams' own dead-letter support (KIP-1034): the record is built in the built-in format (original key and
 * value bytes; headers {@code __streams.errors.exception}, {@code .message}, {@code .stacktrace}, {@code .topic},
 * {@code .partition}, {@code .offset}) and Streams produces it, inside the transaction under exactly-once. This
 * handler adds {@value #REASON_HEADER}, a short machine-readable reason code.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Header with the reason code, e.g. {@code malformed-json}. */
    public static final String REASON_HEADER = "newswire.dlq.reason";
    /** Reason code of a failure that is not an {@link InvalidArticleException}. */
    public static final String UNKNOWN_REASON = "deserialization-error";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must name the dead-letter topic for " + DeadLetterHandler.class.getSimpleName());
        }
        deadLetterTopic = topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = reasonOf(exception);
        LOG.warn("Dead-lettering record {}-{}@{}: {} ({})", context.topic(), context.partition(), context.offset(),
                reason, exception.getMessage());
        ProducerRecord<byte[], byte[]> deadLetter = ExceptionHandlerUtils.buildDeadLetterQueueRecord(
                deadLetterTopic, record.key(), record.value(), context, exception);
        deadLetter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        return Response.resume(List.of(deadLetter));
    }

    static String reasonOf(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof InvalidArticleException invalid) {
                return invalid.reason().code();
            }
        }
        return UNKNOWN_REASON;
    }
}
