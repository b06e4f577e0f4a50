package dev.newswire.tagger.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.stream.InvalidArticleException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Parses and validates an input value: at most {@code maxBytes}, strict UTF-8, one JSON object (no duplicate
 * field names, no unpaired surrogate escapes, at most 200 levels deep) with a non-empty
 * string {@code id} and, if present, string (or null) {@code headline} and {@code body}. Anything else throws
 * {@link InvalidArticleException} with the reason. A null value (a tombstone) deserializes to null.
 *
 * <p>One streaming pass over the tokens (Jackson's {@link JsonParser}), no tree: the article keeps the value's
 * bytes, which the output carries on as they are. Only a value with a top-level {@code classification} field is
 * parsed into a tree, to drop that field (the output's own replaces it).
 */
public final class ArticleDeserializer implements Deserializer<Article> {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    /** The output's field; an input field of that name is dropped. */
    static final String CLASSIFICATION = "classification";

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
        Fields fields;
        try (JsonParser parser = JSON.createParser(text)) {
            fields = Fields.read(parser, text.contains("\\u"));
        } catch (JsonProcessingException e) {
            // The reader itself refuses an unpaired surrogate escape in a field name; in a value it is left to us.
            String problem = e.getOriginalMessage();
            throw new InvalidArticleException(problem != null && problem.contains("surrogate") ? Reason.INVALID_UNICODE
                    : Reason.MALFORMED_JSON, "not JSON: " + problem, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (fields.rootType != null) {
            throw new InvalidArticleException(Reason.NOT_AN_OBJECT, "expected a JSON object, got " + fields.rootType);
        }
        if (fields.unpairedSurrogate) {
            throw new InvalidArticleException(Reason.INVALID_UNICODE,
                    "a string contains an unpaired UTF-16 surrogate escape (e.g. \"\\ud800\"), which is not Unicode text");
        }
        if (fields.idType == null || fields.idType.equals("null")) {
            throw new InvalidArticleException(Reason.MISSING_ID, "the article has no \"id\"");
        }
        if (fields.id == null) {
            throw new InvalidArticleException(Reason.WRONG_TYPE, "\"id\" must be a string, got " + fields.idType);
        }
        if (fields.id.isBlank()) {
            throw new InvalidArticleException(Reason.MISSING_ID, "\"id\" is empty");
        }
        String headline = optionalText("headline", fields.headline, fields.headlineType);
        String body = optionalText("body", fields.body, fields.bodyType);
        return new Article(fields.id, headline, body, fields.hasClassification ? withoutClassification(text) : data);
    }

    private static String optionalText(String field, String value, String type) {
        if (type == null || type.equals("null")) {
            return "";
        }
        if (value == null) {
            throw new InvalidArticleException(Reason.WRONG_TYPE, "\"" + field + "\" must be a string, got " + type);
        }
        return value;
    }

    /** The object's bytes without its top-level {@code classification} field (already validated). */
    private static byte[] withoutClassification(String text) {
        try {
            ObjectNode object = (ObjectNode) JSON.readTree(text);
            object.remove(CLASSIFICATION);
            return JSON.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated article no longer parses", e);
        }
    }

    /**
     * What one pass over the tokens found. Every token is read, so that anything malformed anywhere is reported
     * as such before any other finding, as a tree parser would.
     */
    private static final class Fields {
        /** The root's type when it is not an object ("array", "string", ... or "nothing"), else null. */
        String rootType;
        String id;
        String idType;
        String headline;
        String headlineType;
        String body;
        String bodyType;
        boolean hasClassification;
        boolean unpairedSurrogate;

        static Fields read(JsonParser parser, boolean mayHaveSurrogateEscapes) throws IOException {
            Fields f = new Fields();
            JsonToken root = parser.nextToken();
            if (root != JsonToken.START_OBJECT) {
                f.rootType = root == null ? "nothing" : typeOf(root);
                if (root != null) {
                    f.skipValue(parser, root, mayHaveSurrogateEscapes);
                }
            } else {
                f.readObject(parser, mayHaveSurrogateEscapes);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "Trailing token (of type " + trailing + ") found after the value");
            }
            return f;
        }

        private void readObject(JsonParser parser, boolean checkStrings) throws IOException {
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                if (checkStrings) {
                    check(name);
                }
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "id" -> {
                        idType = typeOf(value);
                        id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    case "headline" -> {
                        headlineType = typeOf(value);
                        headline = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    case "body" -> {
                        bodyType = typeOf(value);
                        body = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    case CLASSIFICATION -> hasClassification = true;
                    default -> {
                    }
                }
                skipValue(parser, value, checkStrings);
            }
        }

        /** Reads past the value that starts at {@code first}, checking its strings when asked. */
        private void skipValue(JsonParser parser, JsonToken first, boolean checkStrings) throws IOException {
            if (first == JsonToken.VALUE_STRING) {
                if (checkStrings) {
                    check(parser.getText());
                }
                return;
            }
            if (!first.isStructStart()) {
                return;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken t = parser.nextToken();
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (checkStrings && (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME)) {
                    check(parser.getText());
                }
            }
        }

        private void check(String s) {
            if (!unpairedSurrogate && hasUnpairedSurrogate(s)) {
                unpairedSurrogate = true;
            }
        }
    }

    private static String typeOf(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Whether {@code s} holds a UTF-16 surrogate without its partner (only a JSON escape can make one). */
    static boolean hasUnpairedSurrogate(String s) {
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
