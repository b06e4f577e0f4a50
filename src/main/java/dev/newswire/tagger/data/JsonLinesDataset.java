package dev.newswire.tagger.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Labeled datasets from JSON lines files: one UTF-8 JSON object per line, e.g.
 * <pre>{"id": "a-17", "headline": "Acme buys Beta", "body": "Acme Corp said ...", "label": "acq"}</pre>
 * <ul>
 *   <li>{@code "label"} (required): a non-empty string (an integer is accepted and used as its decimal text);</li>
 *   <li>{@code "text"}, or else {@code "headline"} and/or {@code "body"}: the text is {@code text}, or
 *       {@code headline + "\n" + body} trimmed, like {@link ReutersDocument#text()};</li>
 *   <li>{@code "id"} (optional): a string or integer, unique within the file; default
 *       {@code "<file name>:<line number>"}.</li>
 * </ul>
 * Blank lines are skipped; other fields are ignored. Every bad line is reported as a
 * {@link DatasetFormatException} naming the file and the 1-based line number and saying what is wrong.
 * Labels of the resulting dataset are the labels found in train and test, sorted alphabetically.
 * Thread-safe: stateless.
 */
public final class JsonLinesDataset {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonLinesDataset() {
    }

    /**
     * A dataset from a train file and a test file.
     *
     * @throws DatasetFormatException naming file and line for a bad line or an empty file
     * @throws IOException            if a file cannot be read
     */
    public static Dataset read(String name, Path train, Path test) throws IOException {
        List<LabeledDocument> trainDocuments = readDocuments(train);
        List<LabeledDocument> testDocuments = readDocuments(test);
        return new Dataset(name, sortedLabels(trainDocuments, testDocuments), trainDocuments, testDocuments);
    }

    /**
     * A dataset from one file, split after a seeded shuffle: the documents are permuted as numpy's
     * {@code RandomState(seed).shuffle} would ({@link NumpyShuffle}), the first {@code int(n * (1 - testFraction))}
     * are train and the rest test (the rule of {@code keras.datasets}). The same file and seed always give
     * the same split.
     *
     * @param testFraction in (0, 1)
     * @param seed         in [0, 2<sup>32</sup> - 1]
     * @throws IllegalArgumentException if testFraction or seed is out of range, or the file has too few
     *                                  documents for both parts to be non-empty
     * @throws DatasetFormatException   naming file and line for a bad line or an empty file
     */
    public static Dataset readWithSplit(String name, Path file, double testFraction, long seed) throws IOException {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (seed < 0 || seed > Mt19937.MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1, got " + seed);
        }
        List<LabeledDocument> documents = readDocuments(file);
        int trainSize = (int) (documents.size() * (1 - testFraction));
        if (trainSize == 0 || trainSize == documents.size()) {
            throw new IllegalArgumentException(file + " has " + documents.size() + " documents: too few to split with"
                    + " testFraction " + testFraction + " into non-empty train and test parts");
        }
        int[] order = NumpyShuffle.permutation(documents.size(), seed);
        List<LabeledDocument> train = new ArrayList<>(trainSize);
        List<LabeledDocument> test = new ArrayList<>(documents.size() - trainSize);
        for (int position = 0; position < order.length; position++) {
            (position < trainSize ? train : test).add(documents.get(order[position]));
        }
        return new Dataset(name, sortedLabels(train, test), train, test);
    }

    /**
     * The documents of one JSON lines file, in file order.
     *
     * @throws DatasetFormatException naming file and line for a bad line, invalid UTF-8, a duplicate id or an
     *                                empty file
     */
    public static List<LabeledDocument> readDocuments(Path file) throws IOException {
        String source = file.toString();
        String fileName = String.valueOf(file.getFileName());
        List<LabeledDocument> documents = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        int lineNumber = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
            byte[] lineBytes;
            while ((lineBytes = nextLine(in, buffer)) != null) {
                lineNumber++;
                String line = decode(utf8, lineBytes, source, lineNumber);
                if (lineNumber == 1 && line.startsWith("\ufeff")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                LabeledDocument document = parseLine(line, fileName + ":" + lineNumber, source, lineNumber);
                Integer earlier = idLines.putIfAbsent(document.id(), lineNumber);
                if (earlier != null) {
                    throw new DatasetFormatException(source, lineNumber,
                            "duplicate id \"" + document.id() + "\" (first on line " + earlier + ")");
                }
                documents.add(document);
            }
        }
        if (documents.isEmpty()) {
            throw new DatasetFormatException(source, Math.max(1, lineNumber), "empty file: no JSON lines");
        }
        return List.copyOf(documents);
    }

    /** The bytes of the next line without its terminator (\n or \r\n); null at the end of the stream. */
    private static byte[] nextLine(InputStream in, ByteArrayOutputStream buffer) throws IOException {
        buffer.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            buffer.write(b);
        }
        if (b < 0 && buffer.size() == 0) {
            return null;
        }
        byte[] line = buffer.toByteArray();
        return line.length > 0 && line[line.length - 1] == '\r' ? Arrays.copyOf(line, line.length - 1) : line;
    }

    private static String decode(CharsetDecoder utf8, byte[] bytes, String source, int lineNumber)
            throws DatasetFormatException {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(source, lineNumber, "not valid UTF-8");
        }
    }

    /** One non-blank line as a document. */
    static LabeledDocument parseLine(String line, String defaultId, String source, int lineNumber)
            throws DatasetFormatException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(source, lineNumber, "not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new DatasetFormatException(source, lineNumber, "not a JSON object but " + describe(node));
        }
        String label = identifier(node, "label", source, lineNumber);
        if (label == null) {
            throw new DatasetFormatException(source, lineNumber, "missing \"label\"");
        }
        if (label.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw new DatasetFormatException(source, lineNumber, "\"label\" contains an unpaired surrogate escape");
        }
        String id = identifier(node, "id", source, lineNumber);
        return new LabeledDocument(id == null ? defaultId : id, text(node, source, lineNumber), label);
    }

    /** A string or integer field as text; null if absent or JSON null; an error if empty or of another type. */
    private static String identifier(JsonNode node, String field, String source, int lineNumber)
            throws DatasetFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new DatasetFormatException(source, lineNumber,
                    "\"" + field + "\" must be a string or an integer, not " + describe(value));
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw new DatasetFormatException(source, lineNumber, "\"" + field + "\" is empty");
        }
        return text;
    }

    private static String text(JsonNode node, String source, int lineNumber) throws DatasetFormatException {
        String text = optionalString(node, "text", source, lineNumber);
        if (text != null) {
            return text;
        }
        String headline = optionalString(node, "headline", source, lineNumber);
        String body = optionalString(node, "body", source, lineNumber);
        if (headline == null && body == null) {
            throw new DatasetFormatException(source, lineNumber, "no text: expected \"text\", or \"headline\" and/or \"body\"");
        }
        return ((headline == null ? "" : headline) + "\n" + (body == null ? "" : body)).strip();
    }

    private static String optionalString(JsonNode node, String field, String source, int lineNumber)
            throws DatasetFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DatasetFormatException(source, lineNumber, "\"" + field + "\" must be a string, not " + describe(value));
        }
        return value.asText();
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static List<String> sortedLabels(List<LabeledDocument> train, List<LabeledDocument> test) {
        TreeSet<String> labels = new TreeSet<>();
        train.forEach(document -> labels.add(document.label()));
        test.forEach(document -> labels.add(document.label()));
        return List.copyOf(labels);
    }
}
