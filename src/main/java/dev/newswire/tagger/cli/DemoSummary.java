package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.stream.DeadLetterHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Counts what {@code demo} got back and formats its lines and summary. */
final class DemoSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private int tagged;
    private int deadLetters;
    private int abstained;
    private int labelled;
    private int correct;
    private double seconds;

    int received() {
        return tagged + deadLetters;
    }

    /** Counts a tagged article; returns its line: id, topic, confidence, headline. */
    String tagged(byte[] value) {
        tagged++;
        try {
            JsonNode article = JSON.readTree(value);
            JsonNode c = article.path("classification");
            String topic = c.path("topic").isNull() ? "(abstained)" : c.path("topic").asText();
            if (c.path("abstained").asBoolean()) {
                abstained++;
            }
            String mark = "";
            if (article.hasNonNull("expected_topic")) {
                labelled++;
                boolean ok = article.get("expected_topic").asText().equals(c.path("topic").asText());
                correct += ok ? 1 : 0;
                mark = ok ? "  ok" : "  MISS expected " + article.get("expected_topic").asText();
            }
            return String.format(Locale.ROOT, "%-8s %-14s %.3f  %s%s", article.path("id").asText(), topic,
                    c.path("confidence").asDouble(), shorten(article.path("headline").asText(), 60), mark);
        } catch (IOException e) {
            return "(unreadable output record: " + e.getMessage() + ")";
        }
    }

    /** Counts a dead letter; returns its line. */
    String deadLetter(ConsumerRecord<byte[], byte[]> record) {
        deadLetters++;
        Header reason = record.headers().lastHeader(DeadLetterHandler.REASON_HEADER);
        return "DEAD-LETTER " + (reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8))
                + ": " + shorten(new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8), 60);
    }

    void finish(long startNanos) {
        seconds = (System.nanoTime() - startNanos) / 1e9;
    }

    void print(PrintWriter out, int sent) {
        out.printf(Locale.ROOT, "%nsummary: sent %d, tagged %d (abstained %d), dead-lettered %d, missing %d%n",
                sent, tagged, abstained, deadLetters, sent - received());
        if (labelled > 0) {
            out.printf(Locale.ROOT, "accuracy on %d articles with a known topic: %.4f%n", labelled, (double) correct / labelled);
        }
        out.printf(Locale.ROOT, "throughput: %.0f articles/s end to end (%.2f s from first send to last receipt)%n",
                received() / Math.max(seconds, 1e-9), seconds);
        out.flush();
    }

    private static String shorten(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
