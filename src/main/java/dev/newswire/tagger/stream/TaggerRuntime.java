package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelBundle;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running tagger instance: the model registry that follows the model topic, the event sink it reports to,
 * the topology and the Kafka Streams application. What {@code run} and {@code demo} start.
 */
public final class TaggerRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaggerRuntime.class);

    private final KafkaModelEventSink events;
    private final ModelRegistry registry;
    private final ShadowStats shadowStats = new ShadowStats();
    private final TaggerService service;

    /**
     * With the configuration's thread replacement policy.
     *
     * @param fallback serves until a release of the followed model name is on the model topic
     */
    public TaggerRuntime(TaggerConfig config, ModelBundle fallback, SignaturePolicy signatures) {
        this(config, fallback, signatures, config.threadReplacements());
    }

    /**
     * With at most {@code maxThreadReplacements} thread replacements (instead of the configuration's
     * {@code failure.max.thread.replacements}) within the configuration's window.
     */
    public TaggerRuntime(TaggerConfig config, ModelBundle fallback, SignaturePolicy signatures, int maxThreadReplacements) {
        this(config, fallback, signatures,
                new ThreadReplacementPolicy(maxThreadReplacements, config.threadReplacements().window()));
    }

    /**
     * @param fallback     serves until a release of the followed model name is on the model topic
     * @param replacements how often a dead stream thread is replaced before the application shuts down
     */
    public TaggerRuntime(TaggerConfig config, ModelBundle fallback, SignaturePolicy signatures,
                         ThreadReplacementPolicy replacements) {
        String instance = config.applicationId() + "/" + UUID.randomUUID().toString().substring(0, 8);
        String modelName = config.modelName().orElse(fallback.name());
        this.events = new KafkaModelEventSink(config.bootstrapServers(), config.modelEventsTopic());
        this.registry = new ModelRegistry(modelName, fallback, signatures, events, instance, Clock.systemUTC());
        this.service = new TaggerService(TaggerTopology.build(config, registry, shadowStats),
                config.streamsProperties(), replacements);
        LOG.info("Instance {} follows releases of '{}' on {}; until one applies it serves {} (id {}); inference engine {}; "
                        + "a dead stream thread is replaced up to {} times within {}", instance, modelName,
                config.modelTopic(), fallback.manifest().coordinates(), fallback.id(), config.inferenceEngine().id(),
                replacements.maxReplacements(), replacements.window());
    }

    public void start() {
        service.start();
    }

    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return service.awaitRunning(timeout);
    }

    /** Waits until stopped; true if it stopped because of a failure. */
    public boolean awaitTermination() throws InterruptedException {
        return service.awaitTermination();
    }

    public TaggerService service() {
        return service;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public ShadowStats shadowStats() {
        return shadowStats;
    }

    @Override
    public void close() {
        service.close();
        events.close();
    }
}
