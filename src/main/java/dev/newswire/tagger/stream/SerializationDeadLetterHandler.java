package dev.newswire.tagger.stream;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters an input record whose output cannot be serialized (say, an article with a number beyond the
 * range of a double, which JSON output cannot carry: {@link FiniteNumbers}) and lets processing go on. The dead
 * letter is the input record's original bytes as Kafka Streams still holds them
 * ({@link ErrorHandlerContext#sourceRawKey()}, {@link ErrorHandlerContext#sourceRawValue()}), in the format of
 * {@link DeadLetterRecords}, reason {@value #REASON}; Streams produces it (KIP-1034), so it is written exactly when
 * the input offset is committed past the record.
 *
 * <p>A failure to <em>send</em> a serialized record is not bad input but a failure of the broker or of the
 * configuration: it is handled as Kafka Streams' default handler does (retry a retriable error, else fail and let
 * the uncaught-exception policy act), without a dead letter.
 */
public class SerializationDeadLetterHandler implements ProductionExceptionHandler {

    /** Reason code of a record whose output could not be serialized. */
    public static final String REASON = "serialization-error";

    private static final Logger LOG = LoggerFactory.getLogger(SerializationDeadLetterHandler.class);

    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.fromConfigs(configs, SerializationDeadLetterHandler.class);
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, @SuppressWarnings("rawtypes") ProducerRecord record,
                                             Exception exception, SerializationExceptionOrigin origin) {
        LOG.warn("Dead-lettering record {}-{}@{}: {} (the {} of its output to {}: {})", context.topic(),
                context.partition(), context.offset(), REASON, origin.name().toLowerCase(Locale.ROOT),
                record.topic(), exception.getMessage());
        return Response.resume(List.of(deadLetters.build(context, context.sourceRawKey(), context.sourceRawValue(),
                exception, REASON)));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        return exception instanceof RetriableException ? Response.retry() : Response.fail();
    }
}
