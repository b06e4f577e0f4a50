package dev.newswire.tagger.stream;

import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The tagging topology, built by a pure factory that production and tests share. It opens no connection and
 * starts nothing. Articles are scored by the engine of {@code inference.engine} ({@link TaggerConfig#inferenceEngine()}).
 *
 * <pre>
 *   input.topic ─ read-articles ─ skip-tombstones ─ classify-articles ─ tagged-value ─ write-tagged ─ output.topic
 *                                        │                └─ has-shadow ─ shadow-value ─ write-shadow ─ shadow.topic  (if enabled)
 *                                        └─ (null value: counted, tombstones-skipped-total, and dropped)
 *        └─ (value not a valid article) ─ dead-letter record ─ dlq.topic   (by {@link DeadLetterHandler})
 *        └─ (tagged output cannot be serialized) ─ dead letter of the input ─ dlq.topic   (by {@link SerializationDeadLetterHandler})
 *   model.topic ─ read-models ─ apply-models ─ [model-topic-store]   (global: every instance, every record → registry)
 * </pre>
 */
public final class TaggerTopology {

    public static final String SOURCE = "read-articles";
    public static final String SKIP_TOMBSTONES = "skip-tombstones";
    public static final String CLASSIFY = "classify-articles";
    public static final String TAGGED_VALUE = "tagged-value";
    public static final String SINK = "write-tagged";
    public static final String HAS_SHADOW = "has-shadow";
    public static final String SHADOW_VALUE = "shadow-value";
    public static final String SHADOW_SINK = "write-shadow";
    public static final String MODEL_SOURCE = "read-models";
    public static final String MODEL_PROCESSOR = "apply-models";
    public static final String MODEL_STORE = "model-topic-store";

    private TaggerTopology() {
    }

    /** A topology serving a fixed model (no model topic), e.g. for tests of the tagging path alone. */
    public static Topology build(TaggerConfig config, ModelSource models) {
        return build(config, models, null, Clock.systemUTC(), new ShadowStats());
    }

    /** As {@link #build(TaggerConfig, ModelSource)}, with the clock that stamps {@code classified_at}. */
    public static Topology build(TaggerConfig config, ModelSource models, Clock clock) {
        return build(config, models, null, clock, new ShadowStats());
    }

    /** A topology serving the models of {@code registry}, which follows the model topic. */
    public static Topology build(TaggerConfig config, ModelRegistry registry, ShadowStats shadowStats) {
        return build(config, registry, registry, Clock.systemUTC(), shadowStats);
    }

    /**
     * The full form.
     *
     * @param registry fed from {@code model.topic} through a global store when not null
     * @param clock    stamps {@code classified_at}
     */
    public static Topology build(TaggerConfig config, ModelSource models, ModelRegistry registry, Clock clock,
                                 ShadowStats shadowStats) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], Classified> classified = builder.stream(config.inputTopic(),
                        Consumed.with(Serdes.ByteArray(), JsonSerde.articles(config.maxArticleBytes())).withName(SOURCE))
                .processValues(SkipTombstonesProcessor::new, Named.as(SKIP_TOMBSTONES))
                .processValues(() -> new ClassifyProcessor(models, config.topK(),
                        config.inferenceEngine(), clock, shadowStats), Named.as(CLASSIFY));
        classified.mapValues(Classified::tagged, Named.as(TAGGED_VALUE))
                .to(config.outputTopic(), Produced.with(Serdes.ByteArray(), JsonSerde.taggedArticles(config.outputMaxBytes())).withName(SINK));
        if (config.shadowOutput()) {
            classified.filter((key, c) -> c.shadow() != null, Named.as(HAS_SHADOW))
                    .mapValues(Classified::shadow, Named.as(SHADOW_VALUE))
                    .to(config.shadowTopic(), Produced.with(Serdes.ByteArray(), JsonSerde.tagged()).withName(SHADOW_SINK));
        }
        Topology topology = builder.build();
        if (registry != null) {
            topology.addGlobalStore(
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MODEL_STORE), Serdes.String(), Serdes.String())
                            .withLoggingDisabled(),
                    MODEL_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), config.modelTopic(),
                    MODEL_PROCESSOR, () -> new ModelTopicProcessor(registry, MODEL_STORE));
        }
        return topology;
    }
}
