package dev.newswire.tagger.stream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes {@link ModelEvent}s to the model-events topic, keyed by the model-topic record key. */
public final class KafkaModelEventSink implements ModelEventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaModelEventSink.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public KafkaModelEventSink(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "newswire-model-events",
                ProducerConfig.LINGER_MS_CONFIG, "0"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(ModelEvent event) {
        byte[] key = event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, key, event.toJson()), (metadata, e) -> {
            if (e != null) {
                LOG.warn("Model event {} for {} not published: {}", event.type(), event.key(), e.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
