package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.stream.DeadLetterHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The parts of {@code demo} that need no broker: what it reads, how it sends, how it accounts. */
class DemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoFeed feed(byte[] input, int limit) throws IOException {
        return DemoFeed.read(new ByteArrayInputStream(input), "test", limit, DemoCommand.MAX_REQUEST_BYTES);
    }

    private static byte[] bytes(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldGiveTheDemoProducerAMaxRequestSizeOfFourMebibytes() {
        Map<String, Object> config = DemoCommand.producerConfig("127.0.0.1:9092");
        assertThat(config).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4194304");
    }

    @Test
    void shouldSendAnInvalidUtf8LineAsItIsWithoutAKey() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(bytes("{\"id\":\"a\",\"body\":\"x\"}\r", ""));
        byte[] invalid = {'{', '"', 'b', '"', ':', (byte) 0xff, '}'};
        input.write(invalid);
        input.write('\n');

        DemoFeed feed = feed(input.toByteArray(), 0);

        assertThat(feed.articles()).hasSize(2);
        assertThat(new String(feed.articles().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\",\"body\":\"x\"}");
        assertThat(feed.articles().get(0).key()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
        assertThat(feed.articles().get(1).value()).isEqualTo(invalid);
        assertThat(feed.articles().get(1).key()).isNull();
        assertThat(feed.articles().get(1).label()).isEqualTo("line 2");
    }

    @Test
    void shouldSayHowManyArticlesOfTheInputItSends() throws IOException {
        byte[] input = bytes("{\"id\":\"1\"}", "{\"id\":\"2\"}", "   ", "{\"id\":\"3\"}", "{\"id\":\"4\"}");
        DemoFeed limited = feed(input, 3);
        assertThat(limited.articles()).hasSize(3);
        assertThat(limited.available()).isEqualTo(4);
        assertThat(limited.sendingLine()).isEqualTo("sending 3 of 4 articles (use --messages 0 for all) from test");
        assertThat(feed(input, 0).sendingLine()).isEqualTo("sending 4 articles from test");
    }

    @Test
    void shouldCountFailedSendsWithTheirReasonsAndWaitOnlyForArticlesSent() throws IOException {
        DemoFeed feed = feed(bytes("{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}"), 0);
        DemoSummary summary = new DemoSummary(3);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        feed.articles().forEach(a -> DemoCommand.send(producer, "newswire", a, summary));
        producer.completeNext();
        producer.errorNext(new RecordTooLargeException("The message is 1048640 bytes when serialized"));
        producer.completeNext();

        assertThat(summary.outstanding()).isEqualTo(2);
        String printed = print(summary);
        assertThat(printed).contains("summary: 3 articles: sent 2, failed to send 1, tagged 0 (abstained 0), "
                + "dead-lettered 0, missing 2");
        assertThat(printed).contains("failed to send 1: b: RecordTooLargeException: The message is 1048640 bytes");
        assertThat(printed).contains("missing 2 (no tagged or dead-lettered record within the wait): a, c");
        assertThat(summary.complete()).isFalse();
    }

    @Test
    void shouldCountALineTooLongForTheProducerAsFailedToSendWithoutKeepingIt() throws IOException {
        byte[] input = new byte[DemoCommand.MAX_REQUEST_BYTES + 10];
        java.util.Arrays.fill(input, (byte) 'x');
        DemoFeed feed = feed(input, 0);
        assertThat(feed.articles().get(0).tooLong()).isTrue();
        DemoSummary summary = new DemoSummary(1);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        DemoCommand.send(producer, "newswire", feed.articles().get(0), summary);
        assertThat(producer.history()).isEmpty();
        assertThat(print(summary)).contains("failed to send 1: line 1: line is 4194314 bytes, more than the demo "
                + "producer's max.request.size=4194304");
    }

    @Test
    void shouldCountEachArticleOnceAndNameTheMissingOnesAndTheDuplicates() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 1; i <= 14; i++) {
            input.write(bytes("{\"id\":\"a-" + i + "\",\"body\":\"x\"}", ""));
        }
        byte[] invalid = {(byte) 0xff, '{', '}'};
        input.write(invalid);
        DemoFeed feed = feed(input.toByteArray(), 0);
        DemoSummary summary = new DemoSummary(feed.articles().size());
        feed.articles().forEach(summary::sent);

        summary.tagged(tagged("a-1"));
        summary.tagged(tagged("a-1"));
        summary.tagged(tagged("a-2"));
        ConsumerRecord<byte[], byte[]> deadLetter = new ConsumerRecord<>("newswire-dlq", 0, 0, null, invalid);
        deadLetter.headers().add(DeadLetterHandler.REASON_HEADER, "invalid-utf8".getBytes(StandardCharsets.UTF_8));
        summary.deadLetter(deadLetter);

        String printed = print(summary);
        assertThat(printed).contains("summary: 15 articles: sent 15, failed to send 0, tagged 2 (abstained 0), "
                + "dead-lettered 1, missing 12");
        assertThat(printed).contains("missing 12 (no tagged or dead-lettered record within the wait): "
                + "a-3, a-4, a-5, a-6, a-7, a-8, a-9, a-10, a-11, a-12, ...");
        assertThat(printed).contains("duplicates: 1 records for articles already received: a-1");
        assertThat(summary.outstanding()).isEqualTo(12);
    }

    private static ConsumerRecord<byte[], byte[]> tagged(String id) throws IOException {
        byte[] value = JSON.writeValueAsBytes(Map.of("id", id, "headline", "h",
                "classification", Map.of("topic", "crude", "confidence", 0.9, "abstained", false, "top", List.of())));
        return new ConsumerRecord<>("newswire-tagged", 0, 0, id.getBytes(StandardCharsets.UTF_8), value);
    }

    private static String print(DemoSummary summary) {
        StringWriter out = new StringWriter();
        summary.print(new PrintWriter(out));
        return out.toString();
    }
}
