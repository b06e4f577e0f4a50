package dev.newswire.tagger.stream;

import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The tagging topology, built by a pure factory that production and tests share. It opens no connection and
 * starts nothing.
 *
 * <pre>
 *   input.topic ─ read-articles ─ skip-tombstones ─ classify-articles ─ write-tagged ─ output.topic
 *        └─ (value not a valid article) ─ dead-letter record ─ dlq.topic   (by {@link DeadLetterHandler})
 * </pre>
 */
public final class TaggerTopology {

    public static final String SOURCE = "read-articles";
    public static final String SKIP_TOMBSTONES = "skip-tombstones";
    public static final String CLASSIFY = "classify-articles";
    public static final String SINK = "write-tagged";

    private TaggerTopology() {
    }

    public static Topology build(TaggerConfig config, ModelSource models) {
        return build(config, models, Clock.systemUTC());
    }

    /** As {@link #build(TaggerConfig, ModelSource)}, with the clock that stamps {@code classified_at}. */
    public static Topology build(TaggerConfig config, ModelSource models, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(config.inputTopic(),
                        Consumed.with(Serdes.ByteArray(), JsonSerde.articles(config.maxArticleBytes())).withName(SOURCE))
                .filter((key, article) -> article != null, Named.as(SKIP_TOMBSTONES))
                .processValues(() -> new ClassifyProcessor(models, config.topK(), clock), Named.as(CLASSIFY))
                .to(config.outputTopic(), Produced.with(Serdes.ByteArray(), JsonSerde.tagged()).withName(SINK));
        return builder.build();
    }
}
