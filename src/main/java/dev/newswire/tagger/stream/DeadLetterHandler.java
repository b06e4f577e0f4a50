package dev.newswire.tagger.stream;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every input record that fails to deserialize to the dead-letter topic and lets processing go on. Uses
 * Kafka Streams' own dead-letter support (KIP-1034): the handler returns the dead-letter record
 * ({@link DeadLetterRecords}: original key and value bytes, the built-in {@code __streams.errors.*} headers, the
 * reason code in {@value #REASON_HEADER}, timestamp and application version) and Streams produces it, inside the
 * transaction under exactly-once, and commits the input offset past the record, so a restarted instance does not
 * dead-letter it again.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Header with the reason code, e.g. {@code malformed-json}. */
    public static final String REASON_HEADER = DeadLetterRecords.REASON_HEADER;
    /** Reason code of a failure that is not an {@link InvalidArticleException}. */
    public static final String UNKNOWN_REASON = "deserialization-error";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.fromConfigs(configs, DeadLetterHandler.class);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = reasonOf(exception);
        LOG.warn("Dead-lettering record {}-{}@{}: {} ({})", context.topic(), context.partition(), context.offset(),
                reason, exception.getMessage());
        return Response.resume(List.of(deadLetters.build(context, record.key(), record.value(), exception, reason)));
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
