package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.stream.DeadLetterHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Accounts for every article {@code demo} was to send: sent or failed to send; of those sent, tagged,
 * dead-lettered or missing. A record that comes back is matched to a sent article by its key (the article's
 * id), or, for an article without a readable id, by its value; each sent article is counted once, so a record
 * that comes back twice is reported as a duplicate and cannot hide a missing one. Thread-safe: send callbacks
 * run on the producer's thread.
 */
final class DemoSummary {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int SHOWN_FAILURES = 3;
    static final int SHOWN_IDS = 10;

    private final int articles;
    /** Articles sent and not yet back: match key to their labels. */
    private final Map<String, Deque<String>> outstanding = new LinkedHashMap<>();
    private final Set<String> everSent = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> duplicateIds = new ArrayList<>();
    private int sent;
    private int failedToSend;
    private int tagged;
    private int deadLetters;
    private int duplicates;
    private int unexpected;
    private int abstained;
    private int labelled;
    private int correct;
    private double seconds;

    /** @param articles how many articles the demo sends */
    DemoSummary(int articles) {
        this.articles = articles;
    }

    /** The broker acknowledged {@code article}. */
    synchronized void sent(DemoFeed.Article article) {
        sent++;
        String key = matchKey(article.key(), article.value());
        everSent.add(key);
        outstanding.computeIfAbsent(key, k -> new ArrayDeque<>()).add(article.label());
    }

    /** {@code article} was not sent; {@code reason} says why. */
    synchronized void failedToSend(DemoFeed.Article article, String reason) {
        failedToSend++;
        if (failures.size() < SHOWN_FAILURES) {
            failures.add(article.label() + ": " + reason);
        }
    }

    /** Articles sent whose record has not come back yet. */
    synchronized int outstanding() {
        return sent - tagged - deadLetters;
    }

    /** Counts a record of the output topic; returns its line: id, topic, confidence, headline. */
    synchronized String tagged(ConsumerRecord<byte[], byte[]> record) {
        JsonNode article;
        try {
            article = JSON.readTree(record.value());
        } catch (IOException | RuntimeException e) {
            return "(unreadable output record: " + e.getMessage() + ")";
        }
        String id = article.path("id").asText();
        byte[] key = record.key() != null ? record.key() : id.getBytes(StandardCharsets.UTF_8);
        if (!matched(matchKey(key, null), id)) {
            return "DUPLICATE " + id;
        }
        tagged++;
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
        return String.format(Locale.ROOT, "%-8s %-14s %.3f  %s%s", id, topic,
                c.path("confidence").asDouble(), shorten(article.path("headline").asText(), 60), mark);
    }

    /** Counts a record of the dead-letter topic; returns its line. */
    synchronized String deadLetter(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String label = record.key() == null ? "(no key)" : new String(record.key(), StandardCharsets.UTF_8);
        Header reason = record.headers().lastHeader(DeadLetterHandler.REASON_HEADER);
        String line = (reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8))
                + ": " + shorten(new String(value, StandardCharsets.UTF_8), 60);
        if (!matched(matchKey(record.key(), value), label)) {
            return "DUPLICATE DEAD-LETTER " + line;
        }
        deadLetters++;
        return "DEAD-LETTER " + line;
    }

    /** Takes the article with this match key off the outstanding ones; false (and counted) if there is none. */
    private boolean matched(String key, String label) {
        Deque<String> labels = outstanding.get(key);
        if (labels != null && !labels.isEmpty()) {
            labels.removeFirst();
            return true;
        }
        if (everSent.contains(key)) {
            duplicates++;
            if (duplicateIds.size() < SHOWN_IDS) {
                duplicateIds.add(label);
            }
        } else {
            unexpected++;
        }
        return false;
    }

    /** The article's key bytes; for an article without a key, a digest of its value. */
    private static String matchKey(byte[] key, byte[] value) {
        if (key != null) {
            return "key:" + new String(key, StandardCharsets.ISO_8859_1);
        }
        return "value:" + ModelBundles.sha256(value == null ? new byte[0] : value);
    }

    synchronized void finish(long startNanos) {
        seconds = (System.nanoTime() - startNanos) / 1e9;
    }

    /** Every article back, none failed to send. */
    synchronized boolean complete() {
        return failedToSend == 0 && sent == articles && outstanding() == 0;
    }

    synchronized void print(PrintWriter out) {
        int missing = outstanding();
        out.printf(Locale.ROOT, "%nsummary: %d articles: sent %d, failed to send %d, tagged %d (abstained %d), "
                + "dead-lettered %d, missing %d%n", articles, sent, failedToSend, tagged, abstained, deadLetters, missing);
        if (failedToSend > 0) {
            out.printf(Locale.ROOT, "failed to send %d: %s%s%n", failedToSend, String.join("; ", failures),
                    failedToSend > failures.size() ? "; ..." : "");
        }
        if (missing > 0) {
            List<String> ids = missingIds();
            out.printf(Locale.ROOT, "missing %d (no tagged or dead-lettered record within the wait): %s%s%n", missing,
                    String.join(", ", ids), missing > ids.size() ? ", ..." : "");
        }
        if (duplicates > 0) {
            out.printf(Locale.ROOT, "duplicates: %d records for articles already received: %s%s%n", duplicates,
                    String.join(", ", duplicateIds), duplicates > duplicateIds.size() ? ", ..." : "");
        }
        if (unexpected > 0) {
            out.printf(Locale.ROOT, "unexpected: %d records that match no article sent%n", unexpected);
        }
        if (labelled > 0) {
            out.printf(Locale.ROOT, "accuracy on %d articles with a known topic: %.4f%n", labelled, (double) correct / labelled);
        }
        out.printf(Locale.ROOT, "throughput: %.0f articles/s end to end (%.2f s from first send to last receipt)%n",
                (tagged + deadLetters) / Math.max(seconds, 1e-9), seconds);
        out.flush();
    }

    /** The labels of the first {@value #SHOWN_IDS} articles sent that did not come back. */
    synchronized List<String> missingIds() {
        List<String> ids = new ArrayList<>();
        for (Deque<String> labels : outstanding.values()) {
            for (String label : labels) {
                if (ids.size() == SHOWN_IDS) {
                    return ids;
                }
                ids.add(label);
            }
        }
        return ids;
    }

    private static String shorten(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
