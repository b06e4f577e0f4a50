package dev.newswire.tagger.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads the project's topic definitions ("topics as code"): a JSON array of
 * {@code {"name", "partitions", "replicationFactor", "configs": {string: string}}} objects, as in
 * {@code topics/topics.json}.
 *
 * <p>Every property is required ({@code "configs": {}} for none), unknown properties and duplicate topic
 * names are errors, and each error names the file and the bad entry. Thread-safe.
 */
public final class TopicSpecs {

    /** Classpath location of the topic definitions packaged in the jar. */
    public static final String DEFAULT_RESOURCE = "/topics/topics.json";

    /** The JSON properties of an entry, all required: the components of {@link TopicSpec}. */
    private static final List<String> PROPERTIES = Arrays.stream(TopicSpec.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Names and config values are strings in the file: no silent 5 -> "5" or true -> "true".
            .withCoercionConfig(LogicalType.Textual, textual -> textual
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private TopicSpecs() {
    }

    /**
     * Reads topic definitions from a file.
     *
     * @param file a JSON file in the format described above
     * @return the specs in file order, unmodifiable
     * @throws IOException if the file cannot be read, is not valid JSON, or an entry is invalid; the message
     *                     names the file and, where it applies, the entry's position and topic name
     */
    public static List<TopicSpec> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("Topics file " + file + " does not exist", e);
        }
    }

    /**
     * Reads the topic definitions packaged in the jar at {@value #DEFAULT_RESOURCE}.
     *
     * @return the specs in file order, unmodifiable
     * @throws UncheckedIOException if the resource is missing or invalid, which is a build defect
     */
    public static List<TopicSpec> loadDefault() {
        try (InputStream in = TopicSpecs.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("classpath resource " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return parse(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads topic definitions from a stream, which is left open.
     *
     * @param in     JSON in the format described above
     * @param source what the stream is (a file name, a resource), used in error messages
     * @return the specs in input order, unmodifiable
     * @throws IOException if the input cannot be read, is not valid JSON, or an entry is invalid
     */
    public static List<TopicSpec> parse(InputStream in, String source) throws IOException {
        JsonNode root = readTree(in, source);
        if (!root.isArray()) {
            throw invalid(source, "expected a JSON array of topic definitions, found " + root.getNodeType());
        }
        List<TopicSpec> specs = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            specs.add(toSpec(root.get(i), i + 1, source));
        }
        requireUniqueNames(specs, source);
        return List.copyOf(specs);
    }

    /**
     * The spec of the named topic.
     *
     * @throws IllegalArgumentException if no spec has that name; the message lists the names there are
     */
    public static TopicSpec find(List<TopicSpec> specs, String name) {
        return specs.stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic named \"" + name
                        + "\" among the topic specs " + names(specs)));
    }

    private static JsonNode readTree(InputStream in, String source) throws IOException {
        try {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw invalid(source, "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid(source, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static TopicSpec toSpec(JsonNode entry, int position, String source) throws IOException {
        String where = describeEntry(entry, position);
        if (!entry.isObject()) {
            throw invalid(source, where + ": expected a JSON object, found " + entry.getNodeType());
        }
        requireExactlyTheKnownProperties(entry, where, source);
        try {
            return MAPPER.treeToValue(entry, TopicSpec.class);
        } catch (JsonProcessingException e) {
            throw invalid(source, where + ": " + explain(e), e);
        }
    }

    private static void requireExactlyTheKnownProperties(JsonNode entry, String where, String source)
            throws IOException {
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw invalid(source, where + ": unknown property \"" + name + "\" (expected " + PROPERTIES + ")");
            }
        }
        for (String name : PROPERTIES) {
            if (!entry.has(name)) {
                throw invalid(source, where + ": missing property \"" + name + "\"");
            }
            if (entry.get(name).isNull()) {
                throw invalid(source, where + ": property \"" + name + "\" must not be null");
            }
        }
    }

    private static String describeEntry(JsonNode entry, int position) {
        JsonNode name = entry.path("name");
        return name.isTextual() ? "entry " + position + " (\"" + name.asText() + "\")" : "entry " + position;
    }

    private static String explain(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        // Jackson appends advice on its own settings in parentheses, which means nothing to an author of the file.
        String message = e.getOriginalMessage().replaceFirst(" \\((but could|set ).*\\)$", "");
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        return path.isEmpty() ? message : "property \"" + path + "\": " + message;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static void requireUniqueNames(List<TopicSpec> specs, String source) throws IOException {
        Map<String, Integer> firstPosition = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            Integer earlier = firstPosition.putIfAbsent(specs.get(i).name(), i + 1);
            if (earlier != null) {
                throw invalid(source, "topic \"" + specs.get(i).name() + "\" is defined twice, in entries "
                        + earlier + " and " + (i + 1));
            }
        }
    }

    private static String names(List<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static IOException invalid(String source, String detail) {
        return new IOException("Invalid topics file " + source + ": " + detail);
    }

    private static IOException invalid(String source, String detail, Throwable cause) {
        return new IOException("Invalid topics file " + source + ": " + detail, cause);
    }
}
