package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code demo} sends: one article per non-blank input line, its bytes as they are in the input (an invalid
 * UTF-8 line is sent as it is, for the tagger to dead-letter), keyed by its {@code "id"} when one can be read.
 *
 * @param source    where the lines come from, for the output
 * @param articles  the articles to send, at most the number asked for
 * @param available how many articles the input has
 */
record DemoFeed(String source, List<Article> articles, int available) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One input line.
     *
     * @param line   its line number in the input
     * @param key    its id's UTF-8 bytes, or null when it has none that can be read
     * @param value  the line without its line ending, or null when it is longer than a demo record may be
     * @param length the line's length in bytes
     */
    record Article(long line, byte[] key, byte[] value, long length) {

        /** Its id, or "line N" when it has none. */
        String label() {
            return key == null ? "line " + line : new String(key, StandardCharsets.UTF_8);
        }

        boolean tooLong() {
            return value == null;
        }
    }

    DemoFeed {
        articles = List.copyOf(articles);
    }

    /**
     * Reads the articles of {@code in}, keeping the first {@code limit} (0: all) and counting the others. A line
     * longer than {@code maxValueBytes} is counted but its bytes are not kept.
     */
    static DemoFeed read(InputStream in, String source, int limit, int maxValueBytes) throws IOException {
        ByteLines lines = new ByteLines(in, maxValueBytes);
        List<Article> articles = new ArrayList<>();
        int available = 0;
        for (ByteLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.blank()) {
                continue;
            }
            available++;
            if (limit <= 0 || articles.size() < limit) {
                articles.add(new Article(line.number(), line.tooLong() ? null : idOf(line.bytes()), line.bytes(), line.length()));
            }
        }
        return new DemoFeed(source, articles, available);
    }

    /** The articles of JSON lines made by the demo itself. */
    static DemoFeed of(List<String> jsonLines, String source, int limit) throws IOException {
        String text = String.join("\n", jsonLines);
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source, limit, Integer.MAX_VALUE);
    }

    /** "sending 300 of 400 articles (use --messages 0 for all) from X", or "sending 8 articles from X". */
    String sendingLine() {
        return articles.size() < available
                ? String.format(Locale.ROOT, "sending %d of %d articles (use --messages 0 for all) from %s",
                        articles.size(), available, source)
                : String.format(Locale.ROOT, "sending %d articles from %s", articles.size(), source);
    }

    /** The line's {@code "id"} when it is a JSON object with a string id, else null. */
    private static byte[] idOf(byte[] line) {
        try {
            JsonNode id = JSON.readTree(line).path("id");
            return id.isTextual() ? id.asText().getBytes(StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
