package dev.newswire.tagger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Compares the tagged outputs of two runs on the same input, article by article: the same topic, abstention,
 * confidence, top topics with their scores and model, everything of the classification but its
 * {@code classified_at}. Scores are compared as the exact decimal text Jackson wrote, so equal means equal doubles.
 */
final class OutputComparison {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EXAMPLES = 5;

    private OutputComparison() {
    }

    /**
     * The classification of every article on {@code topic}, by article number, read from the beginning until
     * {@code expected} articles are in or nothing more comes for {@code idleTimeout}.
     */
    static Map<Integer, String> classifications(String bootstrapServers, String topic, int expected,
                                                Duration idleTimeout) throws IOException {
        Map<Integer, String> byArticle = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Receiver.config(bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            while (byArticle.size() < expected && System.nanoTime() - lastProgress < idleTimeout.toNanos()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long i = BenchPayloads.indexOf(record.key());
                    if (i >= 0 && i < expected) {
                        byArticle.putIfAbsent((int) i, signature(record.value()));
                        lastProgress = System.nanoTime();
                    }
                }
            }
        }
        return byArticle;
    }

    /** The classification of a tagged output without its time stamp, as JSON text. */
    static String signature(byte[] taggedValue) throws IOException {
        JsonNode classification = JSON.readTree(taggedValue).path("classification");
        if (classification instanceof ObjectNode object) {
            object.remove("classified_at");
        }
        return classification.toString();
    }

    /** Compares the classifications of articles {@code 0 .. expected-1} in two runs. */
    static Verification compare(Map<Integer, String> first, Map<Integer, String> second, int expected) {
        long compared = 0;
        long mismatches = 0;
        long missingInFirst = 0;
        long missingInSecond = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            String a = first.get(i);
            String b = second.get(i);
            if (a == null || b == null) {
                missingInFirst += a == null ? 1 : 0;
                missingInSecond += b == null ? 1 : 0;
                continue;
            }
            compared++;
            if (!Objects.equals(a, b)) {
                mismatches++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(BenchPayloads.id(i) + ": " + a + " vs " + b);
                }
            }
        }
        return new Verification(expected, compared, mismatches, missingInFirst, missingInSecond, examples);
    }
}
