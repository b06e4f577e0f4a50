package dev.newswire.tagger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.data.ReutersDocument;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles a bench sends, serialized once: article {@code i} is the {@code i mod size()}-th document with the
 * unique id {@code b-<i>}, as {@code {"id":"b-<i>","headline":...,"body":...}}, keyed by its id. Building a value
 * only splices the id into the document's bytes, so the producer does no JSON work while it is being measured.
 * Immutable and thread-safe.
 */
public final class BenchPayloads {

    /** Every bench id starts with this. */
    public static final String ID_PREFIX = "b-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] VALUE_START = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);

    private final String source;
    /** Each document's JSON without its opening brace, preceded by the closing quote and comma of the id. */
    private final List<byte[]> tails;

    private BenchPayloads(String source, List<byte[]> tails) {
        if (tails.isEmpty()) {
            throw new IllegalArgumentException("no articles to send from " + source);
        }
        this.source = source;
        this.tails = List.copyOf(tails);
    }

    /**
     * Articles from headline and body pairs.
     *
     * @param source    where they come from, for the report
     * @param headlines the headlines, one per article
     * @param bodies    the bodies, as many as headlines
     */
    public static BenchPayloads of(String source, List<String> headlines, List<String> bodies) {
        if (headlines.size() != bodies.size()) {
            throw new IllegalArgumentException(headlines.size() + " headlines but " + bodies.size() + " bodies");
        }
        List<byte[]> tails = new ArrayList<>(headlines.size());
        for (int i = 0; i < headlines.size(); i++) {
            String json = JSON.createObjectNode().put("headline", headlines.get(i)).put("body", bodies.get(i)).toString();
            tails.add(("\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8));
        }
        return new BenchPayloads(source, tails);
    }

    /** The {@code keras46} test documents of the Reuters-21578 corpus at {@code corpus}, own text (title and body). */
    public static BenchPayloads keras46Test(Path corpus) throws IOException {
        List<ReutersDocument> docs = ReutersCorpus.read(corpus);
        Map<String, ReutersDocument> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        List<String> headlines = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (LabeledDocument doc : Splits.keras46(docs, TextSource.OWN).test()) {
            ReutersDocument d = byId.get(doc.id());
            headlines.add(d.title());
            bodies.add(d.articleBody());
        }
        return of("the " + headlines.size() + " keras46 test newswires of Reuters-21578 at " + corpus, headlines, bodies);
    }

    /** The sample articles shipped in the jar ({@code /samples/articles.jsonl}). */
    public static BenchPayloads samples() throws IOException {
        List<String> headlines = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try (InputStream in = BenchPayloads.class.getResourceAsStream("/samples/articles.jsonl")) {
            if (in == null) {
                throw new IOException("classpath resource /samples/articles.jsonl is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode article = JSON.readTree(line);
                    headlines.add(article.path("headline").asText(""));
                    bodies.add(article.path("body").asText(""));
                }
            }
        }
        return of("the " + headlines.size() + " sample articles in the jar (Reuters corpus not found)", headlines, bodies);
    }

    /** Where the documents come from, e.g. "the 2246 keras46 test newswires of Reuters-21578 at DIR". */
    public String source() {
        return source;
    }

    /** How many distinct documents there are; article {@code i} is document {@code i mod size()}. */
    public int size() {
        return tails.size();
    }

    /** The id of article {@code i}: {@code b-<i>}. */
    public static String id(long i) {
        return ID_PREFIX + i;
    }

    /** The key of article {@code i}: its id's bytes. */
    public static byte[] key(long i) {
        return id(i).getBytes(StandardCharsets.US_ASCII);
    }

    /** The JSON value of article {@code i}. */
    public byte[] value(long i) {
        byte[] id = id(i).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = tails.get((int) (i % tails.size()));
        byte[] value = new byte[VALUE_START.length + id.length + tail.length];
        System.arraycopy(VALUE_START, 0, value, 0, VALUE_START.length);
        System.arraycopy(id, 0, value, VALUE_START.length, id.length);
        System.arraycopy(tail, 0, value, VALUE_START.length + id.length, tail.length);
        return value;
    }

    /** The article number of a bench key ({@code b-<i>} → i), or -1 when the key is not one. */
    public static long indexOf(byte[] key) {
        if (key == null || key.length <= ID_PREFIX.length() || key.length > ID_PREFIX.length() + 18
                || key[0] != 'b' || key[1] != '-') {
            return -1;
        }
        long i = 0;
        for (int p = ID_PREFIX.length(); p < key.length; p++) {
            int digit = key[p] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            i = i * 10 + digit;
        }
        return i;
    }
}
