package dev.newswire.tagger.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The global-store processor of the model topic: every instance runs it over every record (also when the
 * global store is restored at start-up, so a restarted instance rebuilds its registry before it processes its
 * first article). It hands each record to the {@link ModelRegistry} and keeps, per key, the SHA-256 of the
 * value in the store (not the bundle itself, to keep memory small).
 */
final class ModelTopicProcessor implements Processor<String, byte[], Void, Void> {

    /** Metrics group {@code stream-newswire-model-metrics}: {@code model-records-refused-total}, {@code model-switches-total}. */
    static final String METRICS_SCOPE = "newswire-model";

    private final ModelRegistry registry;
    private final String storeName;
    private KeyValueStore<String, String> store;
    private ProcessorContext<Void, Void> context;
    private Sensor refused;
    private Sensor switches;

    ModelTopicProcessor(ModelRegistry registry, String storeName) {
        this.registry = registry;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.refused = context.metrics().addRateTotalSensor(METRICS_SCOPE, "registry", "model-records-refused",
                Sensor.RecordingLevel.INFO);
        this.switches = context.metrics().addRateTotalSensor(METRICS_SCOPE, "registry", "model-switches",
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        Header signature = record.headers().lastHeader(ModelTopic.SIGNATURE_HEADER);
        long refusedBefore = registry.bundlesRefused() + registry.releasesRefused();
        long switchesBefore = registry.switches();
        registry.apply(record.key(), record.value(),
                signature == null ? null : new String(signature.value(), StandardCharsets.UTF_8), offset);
        if (registry.bundlesRefused() + registry.releasesRefused() > refusedBefore) {
            refused.record();
        }
        if (registry.switches() > switchesBefore) {
            switches.record();
        }
        if (record.key() != null) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), dev.newswire.tagger.model.ModelBundles.sha256(record.value()));
            }
        }
    }
}
