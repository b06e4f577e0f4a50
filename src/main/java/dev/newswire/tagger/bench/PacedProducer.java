package dev.newswire.tagger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends the bench's articles, as fast as possible or at a fixed offered rate. The rate is kept by a schedule on
 * {@link System#nanoTime()}: article {@code i} is due {@code i / rate} seconds after the first, the sender parks
 * only while it is ahead of the schedule and catches up without pausing when it is behind, so the average rate
 * holds however coarse the parking is. Each record's timestamp (CreateTime) is the wall-clock time of its
 * {@code send}, which Kafka Streams copies to the tagged output: the receiver's latency runs from it.
 * Used by one thread at a time.
 */
final class PacedProducer {

    private PacedProducer() {
    }

    /**
     * The bench producer's settings: batching for throughput when unlimited, a 1 ms linger when paced (at a
     * fixed rate a longer linger only adds latency).
     */
    static Map<String, Object> config(String bootstrapServers, double rate) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, rate > 0 ? 1 : 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return config;
    }

    /**
     * Sends articles {@code first .. first+count-1} and flushes.
     *
     * @param first the first article's number
     * @param rate articles per second, or 0 for as fast as the producer takes them
     */
    static ProducerResult send(Producer<byte[], byte[]> producer, String topic, BenchPayloads payloads, long first,
                               int count, double rate) {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        double intervalNanos = rate > 0 ? 1e9 / rate : 0;
        long maxLag = 0;
        long start = System.nanoTime();
        long last = start;
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * intervalNanos);
                long now = System.nanoTime();
                while (now < due) {
                    LockSupport.parkNanos(due - now);
                    now = System.nanoTime();
                }
                maxLag = Math.max(maxLag, now - due);
            }
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, System.currentTimeMillis(),
                    BenchPayloads.key(first + i), payloads.value(first + i));
            try {
                producer.send(record, (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, exception.getClass().getSimpleName() + ": " + exception.getMessage());
                    }
                });
            } catch (KafkaException e) {
                failed.incrementAndGet();
                firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            last = System.nanoTime();
        }
        producer.flush();
        return new ProducerResult(count, acknowledged.get(), failed.get(), firstError.get(), rate,
                (last - start) / 1e9, maxLag / 1e6);
    }
}
