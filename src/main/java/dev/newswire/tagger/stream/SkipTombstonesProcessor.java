package dev.newswire.tagger.stream;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes every article on and drops input tombstones (null values, which {@link ArticleDeserializer} reads as
 * null): they are neither tagged nor dead-lettered, only counted, in the metrics {@code tombstones-skipped-total}
 * and {@code tombstones-skipped-rate} of group {@code stream-newswire-input-metrics} (tags {@code thread-id} and
 * {@code newswire-input-id}, the task id).
 */
final class SkipTombstonesProcessor implements FixedKeyProcessor<byte[], Article, Article> {

    /** Metrics scope: group {@code stream-newswire-input-metrics}. */
    static final String METRICS_SCOPE = "newswire-input";
    /** The sensor's operation: metrics {@code tombstones-skipped-total} and {@code -rate}. */
    static final String TOMBSTONES_SKIPPED = "tombstones-skipped";

    private FixedKeyProcessorContext<byte[], Article> context;
    private Sensor tombstones;

    @Override
    public void init(FixedKeyProcessorContext<byte[], Article> context) {
        this.context = context;
        tombstones = context.metrics().addRateTotalSensor(METRICS_SCOPE, context.taskId().toString(),
                TOMBSTONES_SKIPPED, Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<byte[], Article> record) {
        if (record.value() == null) {
            tombstones.record();
        } else {
            context.forward(record);
        }
    }
}
