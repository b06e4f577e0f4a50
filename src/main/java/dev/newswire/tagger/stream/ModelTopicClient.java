package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelRelease;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' access to the model topic ({@link ModelTopic}): reads all of it, and writes bundle and release
 * records, each send waiting for the broker's acknowledgement (idempotent producer, {@code acks=all}). Records
 * up to {@link #MAX_RECORD_BYTES} fit: producer and consumer limits are raised to the topic's
 * {@code max.message.bytes}.
 *
 * <p>The consumer is assigned the partitions (no consumer group, no committed offsets); producer and consumer
 * are created on first use. Not thread-safe: one thread at a time.
 */
public final class ModelTopicClient implements AutoCloseable {

    /** Largest record value: the model topic's {@code max.message.bytes}. */
    public static final int MAX_RECORD_BYTES = 33_554_432;

    private static final Logger log = LoggerFactory.getLogger(ModelTopicClient.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param bootstrapServers {@code host:port[,host:port...]}
     * @param topic            the model topic, e.g. {@code newswire-models}
     * @param timeout          how long one request to Kafka may take, e.g. the wait for a send's acknowledgement
     */
    public ModelTopicClient(String bootstrapServers, String topic, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
    }

    public String topic() {
        return topic;
    }

    /**
     * Reads the topic from the beginning up to its end offsets as of the call, and returns the latest value of
     * every key; a tombstone removes its key. Records with a null key, and release records whose value is not a
     * release, are skipped with a warning.
     *
     * @param budget the time the whole read may take
     * @throws ModelTopicException if the broker does not answer, the topic does not exist, or the end is not
     *                             reached within {@code budget}
     */
    public ModelTopicState readAll(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            List<TopicPartition> partitions = partitions(budget);
            KafkaConsumer<String, byte[]> c = consumer();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, remaining(deadline));
            Map<String, StoredBundle> bundles = new LinkedHashMap<>();
            Map<String, ModelRelease> releases = new LinkedHashMap<>();
            while (!reached(c, end, deadline)) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new ModelTopicException("Could not read topic " + topic + " to its end within "
                            + budget.toMillis() + " ms " + where());
                }
                for (ConsumerRecord<String, byte[]> rec : c.poll(POLL)) {
                    apply(rec, bundles, releases);
                }
            }
            return new ModelTopicState(bundles, releases);
        } catch (TimeoutException e) {
            throw unreachable("read topic " + topic, budget, e);
        } catch (KafkaException e) {
            throw new ModelTopicException("Could not read topic " + topic + " " + where() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a bundle record, key {@code name@version}, with the signature header if {@code signatureOrNull} is
     * given, and waits for the acknowledgement.
     *
     * @throws ModelTopicException if the broker refuses the record or does not acknowledge it in time
     */
    public void publishBundle(String name, String version, byte[] bytes, String signatureOrNull) {
        ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, ModelTopic.bundleKey(name, version), bytes);
        if (signatureOrNull != null) {
            rec.headers().add(ModelTopic.SIGNATURE_HEADER, signatureOrNull.getBytes(StandardCharsets.UTF_8));
        }
        send(rec);
    }

    /**
     * Writes a release record, key {@code name}, value the release's JSON, and waits for the acknowledgement.
     *
     * @throws ModelTopicException if the broker refuses the record or does not acknowledge it in time
     */
    public void publishRelease(String name, ModelRelease release) {
        send(new ProducerRecord<>(topic, name, release.toJson()));
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(timeout);
        }
        if (consumer != null) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(timeout));
        }
    }

    private List<TopicPartition> partitions(Duration budget) {
        List<PartitionInfo> infos = consumer().partitionsFor(topic, budget);
        if (infos == null || infos.isEmpty()) {
            throw new ModelTopicException("Topic " + topic + " does not exist " + where()
                    + " (create it with 'topics create')");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end, long deadline) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey(), remaining(deadline)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> rec, Map<String, StoredBundle> bundles,
                       Map<String, ModelRelease> releases) {
        if (rec.key() == null) {
            log.warn("Skipping a record without key on {}-{} at offset {}", rec.topic(), rec.partition(), rec.offset());
            return;
        }
        var bundleKey = ModelTopic.parseBundleKey(rec.key());
        if (bundleKey.isPresent()) {
            if (rec.value() == null) {
                bundles.remove(rec.key());
            } else {
                bundles.remove(rec.key()); // a rewritten key moves to the end: bundles stay in write order
                bundles.put(rec.key(), new StoredBundle(bundleKey.get().name(), bundleKey.get().version(),
                        rec.value(), signatureOf(rec), rec.offset(), Instant.ofEpochMilli(rec.timestamp())));
            }
            return;
        }
        releases.remove(rec.key());
        if (rec.value() != null) {
            try {
                releases.put(rec.key(), ModelRelease.fromJson(rec.value()));
            } catch (IllegalArgumentException e) {
                log.warn("Skipping the release record of {} on {}-{} at offset {}: {}", rec.key(), rec.topic(),
                        rec.partition(), rec.offset(), e.getMessage());
            }
        }
    }

    private static String signatureOf(ConsumerRecord<String, byte[]> rec) {
        Header header = rec.headers().lastHeader(ModelTopic.SIGNATURE_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void send(ProducerRecord<String, byte[]> rec) {
        try {
            producer().send(rec).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw unreachable("write " + rec.key() + " to topic " + topic, timeout, cause);
            }
            throw new ModelTopicException("Could not write " + rec.key() + " to topic " + topic + " " + where() + ": "
                    + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw unreachable("write " + rec.key() + " to topic " + topic, timeout, e);
        } catch (KafkaException e) {
            throw new ModelTopicException("Could not write " + rec.key() + " to topic " + topic + " " + where() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelTopicException("Interrupted while writing " + rec.key() + " to topic " + topic, e);
        }
    }

    private ModelTopicException unreachable(String what, Duration waited, Throwable cause) {
        return new ModelTopicException("No answer from Kafka " + where() + " within " + waited.toMillis()
                + " ms while trying to " + what + " (is the broker reachable?): " + cause.getMessage(), cause);
    }

    private String where() {
        return "[bootstrap servers: " + bootstrapServers + "]";
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), deadline - System.nanoTime()));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-model-topic-reader");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_RECORD_BYTES);
            props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_RECORD_BYTES);
            props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(timeout));
            props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(timeout));
            consumer = create(() -> new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
        }
        return consumer;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-model-topic-writer");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
            // The whole record must fit the send buffer, whose default (32 MiB) is just the largest record.
            props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_RECORD_BYTES);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(timeout));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(timeout));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(timeout));
            producer = create(() -> new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
        }
        return producer;
    }

    private <T> T create(java.util.function.Supplier<T> client) {
        try {
            return client.get();
        } catch (KafkaException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ModelTopicException("Cannot create a Kafka client " + where() + ": " + cause.getMessage(), e);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
