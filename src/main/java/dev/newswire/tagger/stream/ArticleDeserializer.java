package dev.newswire.tagger.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.stream.InvalidArticleException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Parses and validates an input value: at most {@code maxBytes}, strict UTF-8, one JSON object (no duplicate
 * field names, no unpaired surrogate escapes) with a non-empty
 * string {@code id} and, if present, string (or null) {@code headline} and {@code body}. Anything else throws
 * {@link InvalidArticleException} with the reason. A null value (a tombstone) deserializes to null.
 */
public final class ArticleDeserializer implements Deserializer<Article> {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private final int maxBytes;

    public ArticleDeserializer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Article deserialize(String topic, byte[] data) {
        return data == null ? null : parse(data);
    }

    /** The article in {@code data}; throws {@link InvalidArticleException} if it is not one. */
    public Article parse(byte[] data) {
        if (data.length > maxBytes) {
            throw new InvalidArticleException(Reason.TOO_LARGE,
                    "value is " + data.length + " bytes, more than max.article.bytes=" + maxBytes);
        }
        String text = decodeUtf8(data);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // The reader itself refuses an unpaired surrogate escape in a field name; in a value it is left to us.
            String problem = e.getOriginalMessage();
            throw new InvalidArticleException(problem != null && problem.contains("surrogate") ? Reason.INVALID_UNICODE
                    : Reason.MALFORMED_JSON, "not JSON: " + problem, e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException(Reason.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        ObjectNode object = (ObjectNode) node;
        if (text.contains("\\u") && hasUnpairedSurrogate(object)) {
            throw new InvalidArticleException(Reason.INVALID_UNICODE,
                    "a string contains an unpaired UTF-16 surrogate escape (e.g. \"\\ud800\"), which is not Unicode text");
        }
        JsonNode id = object.get("id");
        if (id == null || id.isNull()) {
            throw new InvalidArticleException(Reason.MISSING_ID, "the article has no \"id\"");
        }
        if (!id.isTextual()) {
            throw new InvalidArticleException(Reason.WRONG_TYPE, "\"id\" must be a string, got " + typeOf(id));
        }
        if (id.asText().isBlank()) {
            throw new InvalidArticleException(Reason.MISSING_ID, "\"id\" is empty");
        }
        return new Article(id.asText(), optionalText(object, "headline"), optionalText(object, "body"), object);
    }

    /** Whether any string or field name in {@code node} holds an unpaired surrogate (only JSON escapes can make one). */
    static boolean hasUnpairedSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return unpaired(node.asText());
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (unpaired(field.getKey()) || hasUnpairedSurrogate(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasUnpairedSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unpaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String optionalText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidArticleException(Reason.WRONG_TYPE, "\"" + field + "\" must be a string, got " + typeOf(value));
        }
        return value.asText();
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String decodeUtf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException(Reason.INVALID_UTF8, "value is not valid UTF-8: " + e, e);
        }
    }
}
