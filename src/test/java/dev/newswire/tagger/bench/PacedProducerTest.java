package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class PacedProducerTest {

    private static final BenchPayloads PAYLOADS = BenchPayloads.of("test", List.of("a", "b", "c"), List.of("x", "y", "z"));

    @Test
    void shouldSendEveryArticleKeyedByItsIdAndStampedWithItsSendTime() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        long before = System.currentTimeMillis();

        ProducerResult result = PacedProducer.send(producer, "in", PAYLOADS, 0, 50, 0);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).hasSize(50);
        assertThat(new String(sent.get(49).key(), StandardCharsets.US_ASCII)).isEqualTo("b-49");
        assertThat(sent).allSatisfy(r -> assertThat(r.timestamp()).isBetween(before, System.currentTimeMillis()));
        assertThat(result.attempted()).isEqualTo(50);
        assertThat(result.acknowledged()).isEqualTo(50);
        assertThat(result.failed()).isZero();
        assertThat(result.maxLagMs()).isZero();
    }

    @Test
    void shouldNeverSendAheadOfTheSchedule() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

        ProducerResult result = PacedProducer.send(producer, "in", PAYLOADS, 0, 101, 1000);

        // The 101st article is due 100 ms after the first.
        assertThat(result.sendSeconds()).isGreaterThanOrEqualTo(0.1);
        assertThat(result.achievedRate()).isLessThanOrEqualTo(1010);
        assertThat(producer.history()).hasSize(101);
    }

    @Test
    void shouldCountWhatTheBrokerRefused() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                callback.onCompletion(null, new RecordTooLargeException("refused"));
                return CompletableFuture.failedFuture(new RecordTooLargeException("refused"));
            }
        };

        ProducerResult result = PacedProducer.send(producer, "in", PAYLOADS, 0, 3, 0);

        assertThat(result.failed()).isEqualTo(3);
        assertThat(result.acknowledged()).isZero();
        assertThat(result.firstError()).isEqualTo("RecordTooLargeException: refused");
    }
}
