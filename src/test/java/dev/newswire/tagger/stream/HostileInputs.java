package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.data.ReutersDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.model.FixtureModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Seeded generator of hostile input values for the fuzz test, each with what must come of it. The outcome is
 * decided from how the input was made (a strict prefix of a JSON object is never JSON; a string escape of a lone
 * surrogate is not Unicode text; ...), never from a run of the tagger; where it cannot be, it is {@link Expect#any}.
 */
final class HostileInputs {

    /** How an input was made. */
    enum Kind {
        VALID_NEWSWIRE, RANDOM_BYTES, JSONISH_NOISE, TRUNCATED, FLIPPED_BYTES, DEEP_NESTING, HUGE_STRING,
        WRONG_TYPES, NOT_AN_OBJECT, NUMBERS, LONE_SURROGATES, INVALID_UTF8, DECORATED_KNOWN_WORDS, NON_LATIN_TEXT,
        CONTROL_CHARACTERS, DUPLICATES_AND_TRAILING_DATA, TOMBSTONE
    }

    /**
     * What must come of an input.
     *
     * @param deadLetter   true: exactly one dead letter; false: exactly one tagged record; null: one of the two
     * @param reason       the dead letter's reason code, or null for any
     * @param abstained    for a tagged record: whether it must abstain, or null for either
     * @param nothing      a tombstone: no record at all
     */
    record Expect(Boolean deadLetter, String reason, Boolean abstained, boolean nothing) {
        static Expect any() {
            return new Expect(null, null, null, false);
        }

        static Expect dead(String reason) {
            return new Expect(true, reason, null, false);
        }

        static Expect anyDeadLetter() {
            return new Expect(true, null, null, false);
        }

        static Expect tagged() {
            return new Expect(false, null, null, false);
        }

        static Expect tagged(boolean abstained) {
            return new Expect(false, null, abstained, false);
        }

        static Expect none() {
            return new Expect(null, null, null, true);
        }
    }

    /**
     * One input.
     *
     * @param value    the bytes sent, null for a tombstone
     * @param fidelity whether a tagged output must carry every input field unchanged (inputs whose fields hold
     *                 only strings, integers and small JSON, which read and write back exactly)
     */
    record Input(Kind kind, byte[] value, Expect expect, boolean fidelity) {
    }

    static final int MAX_NESTING = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Invisible format characters (Unicode category Cf): zero-width, direction marks and overrides, BOM, soft hyphen. */
    private static final String[] FORMAT_CHARS = {"\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B",
            "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u2060", "\uFEFF", "\u00AD", "\u061C"};
    private static final String[] SEPARATORS = {" ", "  ", "\u00A0", "\u2003", "\u3000", "\t", "\n", ", ", ". ", " - "};
    /** Words of scripts none of whose letters is in an ASCII vocabulary. */
    private static final String[] NON_LATIN_WORDS = {
            "東京株式市場", "日経平均株価", "ひらがな", "カタカナ", "円相場", "原油価格",                    // Japanese
            "нефть", "пшеница", "прибыль", "Москва", "биржа", "рубль",                                // Russian
            "πετρέλαιο", "σιτάρι", "κέρδος", "ΑΘΗΝΑ", "λόγος",                                        // Greek (final sigma)
            "نفط", "قمح", "أرباح", "القاهرة",                                                          // Arabic (right to left)
            "נפט", "חיטה", "רווח", "ירושלים",                                                          // Hebrew (right to left)
            "तेल", "गेहूँ", "लाभ", "石油", "小麦", "利润", "석유", "밀", "이익", "น้ำมัน", "ข้าวสาลี",          // Hindi, Chinese, Korean, Thai
            "😀", "🛢️", "🌾", "𝔬𝔦𝔩"                                                                    // outside the BMP
    };
    private static final String JSONISH = "{}[]\":,\\ 0123456789-+.eEtruefalsn\"idheadlinbody\u00e9\u4e2d";

    private final Random random;
    private final List<byte[]> newswires;
    private final List<String> knownWords;

    private HostileInputs(long seed, List<byte[]> newswires, List<String> knownWords) {
        this.random = new Random(seed);
        this.newswires = newswires;
        this.knownWords = knownWords;
    }

    /**
     * A generator seeded with {@code seed} over real newswires: Reuters-21578 documents where the corpus is
     * found, else the sample articles shipped in the jar.
     */
    static HostileInputs seeded(long seed) {
        List<String> known = FixtureModels.SENTENCES.stream().flatMap(List::stream)
                .flatMap(s -> Arrays.stream(s.split(" "))).distinct().sorted().collect(Collectors.toList());
        return new HostileInputs(seed, realNewswires(seed), known);
    }

    /** Where the real newswires came from, for the test's report. */
    static String newswireSource() {
        return ReutersCorpus.locate().isPresent() ? "Reuters-21578" : "the jar's sample articles (no Reuters corpus)";
    }

    /** {@code count} inputs of each kind, shuffled together. */
    List<Input> generate(java.util.Map<Kind, Integer> counts) {
        List<Input> inputs = new ArrayList<>();
        counts.forEach((kind, count) -> {
            for (int i = 0; i < count; i++) {
                inputs.add(make(kind));
            }
        });
        Collections.shuffle(inputs, random);
        return inputs;
    }

    private Input make(Kind kind) {
        return switch (kind) {
            case VALID_NEWSWIRE -> new Input(kind, newswire(), Expect.tagged(), true);
            case RANDOM_BYTES -> randomBytes();
            case JSONISH_NOISE -> new Input(kind, utf8(randomString(JSONISH, random.nextInt(120))), Expect.any(), false);
            case TRUNCATED -> truncated();
            case FLIPPED_BYTES -> flipped();
            case DEEP_NESTING -> deepNesting();
            case HUGE_STRING -> hugeString();
            case WRONG_TYPES -> wrongTypes();
            case NOT_AN_OBJECT -> notAnObject();
            case NUMBERS -> numbers();
            case LONE_SURROGATES -> loneSurrogates();
            case INVALID_UTF8 -> invalidUtf8();
            case DECORATED_KNOWN_WORDS -> decoratedKnownWords();
            case NON_LATIN_TEXT -> nonLatin();
            case CONTROL_CHARACTERS -> controlCharacters();
            case DUPLICATES_AND_TRAILING_DATA -> duplicatesAndTrailing();
            case TOMBSTONE -> new Input(kind, null, Expect.none(), false);
        };
    }

    private Input randomBytes() {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        // Random bytes are almost never UTF-8; when they are (short ones), what they parse to is open.
        return new Input(Kind.RANDOM_BYTES, bytes, isUtf8(bytes) ? Expect.any() : Expect.dead("invalid-utf8"), false);
    }

    /** A strict, non-empty prefix of a JSON object is never JSON; one that cuts a character is not UTF-8 either. */
    private Input truncated() {
        byte[] whole = newswire();
        byte[] prefix = Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
        return new Input(Kind.TRUNCATED, prefix, isUtf8(prefix) ? Expect.dead("malformed-json") : Expect.dead("invalid-utf8"), false);
    }

    private Input flipped() {
        byte[] bytes = newswire();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return new Input(Kind.FLIPPED_BYTES, bytes, Expect.any(), false);
    }

    /**
     * Arrays or objects nested {@code depth} deep in an extra field (the article object is one more level); the
     * reader allows {@value #MAX_NESTING} levels, so well within is tagged, well beyond is refused unparsed.
     */
    private Input deepNesting() {
        // Now and then far deeper than any recursive reader could go (and still within max.article.bytes).
        int depth = random.nextInt(20) == 0 ? 10_000 + random.nextInt(90_000) : 1 + random.nextInt(2 * MAX_NESTING);
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "[" : "{\"a\":");
        }
        nested.append("\"oil\"");
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "]" : "}");
        }
        String json = "{\"id\":\"deep-" + depth + "\",\"body\":\"crude oil\",\"extra\":" + nested + "}";
        Expect expect = depth + 1 <= MAX_NESTING - 50 ? Expect.tagged(false)
                : depth + 1 > MAX_NESTING + 50 ? Expect.dead("malformed-json") : Expect.any();
        return new Input(Kind.DEEP_NESTING, utf8(json), expect, true);
    }

    /** A body, id or extra field of up to ~2 MB: within max.article.bytes (1 MiB) tagged, beyond it too-large. */
    private Input hugeString() {
        int limit = 1024 * 1024;
        int target = random.nextBoolean() ? 10_000 + random.nextInt(limit - 20_000) : limit + 1 + random.nextInt(limit);
        StringBuilder text = new StringBuilder(target);
        while (text.length() < target - 200) {
            text.append(knownWords.get(random.nextInt(knownWords.size()))).append(random.nextInt(50) == 0 ? "\\n" : " ");
        }
        String field = List.of("body", "headline", "id", "notes").get(random.nextInt(4));
        String json = field.equals("body") || field.equals("headline")
                ? "{\"id\":\"huge\",\"" + field + "\":\"" + text + "\"}"
                : "{\"id\":\"" + (field.equals("id") ? "h" + text.toString().replace("\\n", "_") : "huge") + "\",\"body\":\"oil\""
                        + (field.equals("notes") ? ",\"notes\":\"" + text + "\"" : "") + "}";
        byte[] value = utf8(json);
        return new Input(Kind.HUGE_STRING, value, value.length > limit ? Expect.dead("too-large") : Expect.tagged(false), true);
    }

    /** A real newswire with id, headline or body of another JSON type (or gone, or empty). */
    private Input wrongTypes() {
        ObjectNode article = newswireTree();
        String field = List.of("id", "headline", "body").get(random.nextInt(3));
        int variant = random.nextInt(10);
        switch (variant) {
            case 0 -> article.put(field, random.nextInt());
            case 1 -> article.put(field, random.nextDouble() * 1000);
            case 2 -> article.put(field, random.nextBoolean());
            case 3 -> article.putArray(field).add("crude").add(7);
            case 4 -> article.putObject(field).put("text", "oil");
            case 5 -> article.putNull(field);
            case 6 -> article.remove(field);
            case 7 -> article.put(field, "");
            case 8 -> article.put(field, " \t ");
            default -> article.put(field, new java.math.BigInteger(200, random));
        }
        boolean id = field.equals("id");
        Expect expect = variant >= 5 && variant <= 8
                ? (id ? Expect.dead("missing-id") : Expect.tagged())
                : Expect.dead("wrong-type");
        return new Input(Kind.WRONG_TYPES, write(article), expect, true);
    }

    private Input notAnObject() {
        String[] values = {"42", "-0.5", "\"crude oil\"", "[]", "[{\"id\":\"a\"}]", "true", "false", "null", "  [1, 2] ",
                "\"\\ud83d\\ude00\"", "1e5", "\"" + randomString("abc ", 50) + "\""};
        return new Input(Kind.NOT_AN_OBJECT, utf8(values[random.nextInt(values.length)]), Expect.dead("not-an-object"), false);
    }

    /**
     * Numbers in an extra field: the output carries the input's text on as it came, so integers of any size,
     * doubles and numbers beyond the range of a double all come out unchanged; a number of more digits than the
     * reader accepts may be refused as not JSON.
     */
    private Input numbers() {
        int variant = random.nextInt(6);
        String number;
        Expect expect = Expect.tagged(false);
        boolean fidelity = false;
        switch (variant) {
            case 0 -> {
                number = new java.math.BigInteger(1 + random.nextInt(3000), random).toString();
                fidelity = true;
                expect = number.length() <= 900 ? Expect.tagged(false) : Expect.any();
            }
            case 1 -> number = Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(300)));
            case 2 -> {
                number = (random.nextBoolean() ? "-" : "") + (1 + random.nextInt(9)) + "e" + (309 + random.nextInt(5000));
                fidelity = true;
            }
            case 3 -> number = (1 + random.nextInt(9)) + "e-" + (309 + random.nextInt(5000));
            case 4 -> {
                number = Long.toString(random.nextLong());
                fidelity = true;
            }
            default -> {
                number = "[" + random.nextInt() + "," + random.nextDouble() + ",1e" + (400 + random.nextInt(100)) + "]";
                fidelity = true;
            }
        }
        String json = "{\"id\":\"n-" + variant + "\",\"body\":\"crude oil barrel\",\"figure\":" + number + "}";
        return new Input(Kind.NUMBERS, utf8(json), expect, fidelity);
    }

    /** A lone surrogate in a JSON string escape is not Unicode text; an escaped pair is (an emoji). */
    private Input loneSurrogates() {
        String[] lone = {"\\ud800", "\\udbff", "\\udc00", "\\udfff", "x\\ud83d", "\\ude00\\ud83d", "\\ud83d\\ud83d\\ude00"};
        boolean valid = random.nextInt(5) == 0;
        String escape = valid ? "\\ud83d\\ude00" : lone[random.nextInt(lone.length)];
        String json = switch (random.nextInt(5)) {
            case 0 -> "{\"id\":\"s" + escape + "\",\"body\":\"oil\"}";
            case 1 -> "{\"id\":\"s\",\"headline\":\"crude " + escape + " oil\"}";
            case 2 -> "{\"id\":\"s\",\"body\":\"" + escape + "\"}";
            case 3 -> "{\"id\":\"s\",\"body\":\"oil\",\"k" + escape + "\":1}";
            default -> "{\"id\":\"s\",\"body\":\"oil\",\"tags\":[\"a\",[\"" + escape + "\"]]}";
        };
        return new Input(Kind.LONE_SURROGATES, utf8(json), valid ? Expect.tagged() : Expect.dead("invalid-unicode"), valid);
    }

    /** Byte sequences strict UTF-8 refuses, inside an otherwise valid article. */
    private Input invalidUtf8() {
        byte[][] bad = {
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // an encoded surrogate (CESU-8)
                {(byte) 0xC0, (byte) 0xAF},                           // overlong '/'
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},              // overlong
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},              // a 4-byte sequence cut short
                {(byte) 0x80},                                        // a lone continuation byte
                {(byte) 0xFF}, {(byte) 0xFE},
                {(byte) 0xC3}};                                       // a lead byte without its continuation
        byte[] insert = bad[random.nextInt(bad.length)];
        byte[] head = utf8("{\"id\":\"u\",\"body\":\"crude ");
        byte[] tail = utf8(" oil\"}");
        byte[] value = new byte[head.length + insert.length + tail.length];
        System.arraycopy(head, 0, value, 0, head.length);
        System.arraycopy(insert, 0, value, head.length, insert.length);
        System.arraycopy(tail, 0, value, head.length + insert.length, tail.length);
        return new Input(Kind.INVALID_UTF8, value, Expect.dead("invalid-utf8"), false);
    }

    /**
     * Words the model knows, each standing alone between separators (spaces, no-break and ideographic spaces,
     * tabs, punctuation), wrapped and split by invisible format characters, which the tokenizer drops, among
     * right-to-left and other non-Latin words: the known words still count, so the article is tagged.
     */
    private Input decoratedKnownWords() {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(6);
        for (int i = 0; i < words; i++) {
            String word = knownWords.get(random.nextInt(knownWords.size()));
            int cut = random.nextInt(word.length() + 1);
            text.append(format()).append(word, 0, cut).append(format()).append(word.substring(cut)).append(format())
                    .append(separator());
            if (random.nextBoolean()) {
                text.append(NON_LATIN_WORDS[random.nextInt(NON_LATIN_WORDS.length)]).append(separator());
            }
        }
        ObjectNode article = JSON.createObjectNode().put("id", "d" + format() + "-" + random.nextInt(1000));
        article.put(random.nextBoolean() ? "headline" : "body", text.toString());
        return new Input(Kind.DECORATED_KNOWN_WORDS, write(article), Expect.tagged(false), true);
    }

    /** Only words of non-Latin scripts, emoji and separators: nothing the model knows, so it must abstain. */
    private Input nonLatin() {
        StringBuilder headline = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            headline.append(NON_LATIN_WORDS[random.nextInt(NON_LATIN_WORDS.length)]).append(separator());
        }
        for (int i = 0; i < random.nextInt(60); i++) {
            body.append(NON_LATIN_WORDS[random.nextInt(NON_LATIN_WORDS.length)])
                    .append(random.nextInt(5) == 0 ? format() : "").append(separator());
        }
        ObjectNode article = JSON.createObjectNode().put("id", NON_LATIN_WORDS[random.nextInt(NON_LATIN_WORDS.length)] + "-" + random.nextInt(100))
                .put("headline", headline.toString()).put("body", body.toString());
        return new Input(Kind.NON_LATIN_TEXT, write(article), Expect.tagged(true), true);
    }

    /** JSON forbids an unescaped control character in a string; escaped, it is text. */
    private Input controlCharacters() {
        char control = (char) random.nextInt(0x20);
        boolean escaped = random.nextBoolean();
        String inside = escaped ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) control) : String.valueOf(control);
        String json = "{\"id\":\"c\",\"body\":\"crude" + inside + " oil\"}";
        return new Input(Kind.CONTROL_CHARACTERS, utf8(json), escaped ? Expect.tagged(false) : Expect.dead("malformed-json"), escaped);
    }

    /** A duplicate field name or data after the object is not one JSON object. */
    private Input duplicatesAndTrailing() {
        String json = switch (random.nextInt(4)) {
            case 0 -> "{\"id\":\"a\",\"id\":\"b\",\"body\":\"oil\"}";
            case 1 -> "{\"id\":\"a\",\"body\":\"oil\",\"body\":\"wheat\"}";
            case 2 -> "{\"id\":\"a\",\"body\":\"oil\"}" + List.of(" {}", "x", "]", " 1", ",").get(random.nextInt(5));
            default -> "{\"id\":\"a\",\"body\":\"oil\",\"x\":{\"k\":1,\"k\":2}}";
        };
        return new Input(Kind.DUPLICATES_AND_TRAILING_DATA, utf8(json), Expect.dead("malformed-json"), false);
    }

    private byte[] newswire() {
        return newswires.get(random.nextInt(newswires.size())).clone();
    }

    private ObjectNode newswireTree() {
        try {
            return (ObjectNode) JSON.readTree(newswire());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String format() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(3); i > 0; i--) {
            s.append(FORMAT_CHARS[random.nextInt(FORMAT_CHARS.length)]);
        }
        return s.toString();
    }

    private String separator() {
        return SEPARATORS[random.nextInt(SEPARATORS.length)];
    }

    private String randomString(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Real newswires as JSON articles: 1,000 Reuters-21578 documents with a body, or the jar's samples. */
    private static List<byte[]> realNewswires(long seed) {
        List<byte[]> articles = new ArrayList<>();
        if (ReutersCorpus.locate().isPresent()) {
            List<ReutersDocument> docs = new ArrayList<>(ReutersFixture.corpusOrSkip().stream()
                    .filter(d -> !d.articleBody().isBlank()).toList());
            Collections.shuffle(docs, new Random(seed));
            for (ReutersDocument d : docs.subList(0, Math.min(1000, docs.size()))) {
                articles.add(write(JSON.createObjectNode().put("id", "r-" + d.newId()).put("headline", d.title())
                        .put("body", d.articleBody()).put("dateline", d.dateline())));
            }
            return articles;
        }
        try (InputStream in = HostileInputs.class.getResourceAsStream("/samples/articles.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("classpath resource /samples/articles.jsonl is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    articles.add(write((ObjectNode) JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
