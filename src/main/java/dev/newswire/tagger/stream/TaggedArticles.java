package dev.newswire.tagger.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the output value: the input article's JSON (every field kept) plus a {@code classification} object
 * {@code {"topic", "confidence", "abstained", "top": [{"topic", "score"}…], "model": {"name", "version", "id"},
 * "classified_at"}}, as its last field. A multi-label model's classification also has
 * {@code "topics": [{"topic", "score"}…]} after {@code top}: the topics its thresholds assign, best first (empty
 * when it abstained); a single-label model's has no {@code topics}. The article's bytes are copied as they are, not parsed and written again;
 * an input field named {@code classification} has already been dropped by {@link ArticleDeserializer}. Pure: the
 * input is not changed.
 */
public final class TaggedArticles {

    private static final byte[] FIELD = ("\"" + ArticleDeserializer.CLASSIFICATION + "\":").getBytes(StandardCharsets.US_ASCII);

    private TaggedArticles() {
    }

    /** The output value of {@code article} classified as {@code prediction} by {@code model}, UTF-8 JSON. */
    public static byte[] toJson(Article article, Prediction prediction, ModelBundle model, Instant classifiedAt) {
        byte[] json = article.jsonBytes();
        int close = lastNonSpace(json, json.length);
        if (close < 0 || json[close] != '}') {
            throw new IllegalStateException("an article's JSON does not end with '}'");
        }
        boolean empty = json[lastNonSpace(json, close)] == '{';
        ByteArrayBuilder out = new ByteArrayBuilder(close + 512);
        out.write(json, 0, close);
        if (!empty) {
            out.write(',');
        }
        out.write(FIELD);
        try (JsonGenerator generator = ArticleDeserializer.JSON.getFactory().createGenerator(out)) {
            writeClassification(generator, prediction, model, classifiedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('}');
        return out.toByteArray();
    }

    /** The index of the last byte before {@code end} that is not JSON whitespace, or -1. */
    private static int lastNonSpace(byte[] json, int end) {
        int i = end - 1;
        while (i >= 0 && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i--;
        }
        return i;
    }

    private static void writeClassification(JsonGenerator g, Prediction prediction, ModelBundle model,
                                            Instant classifiedAt) throws IOException {
        g.writeStartObject();
        if (prediction.abstained()) {
            g.writeNullField("topic");
        } else {
            g.writeStringField("topic", prediction.topic());
        }
        g.writeNumberField("confidence", prediction.confidence());
        g.writeBooleanField("abstained", prediction.abstained());
        writeScores(g, "top", prediction.top());
        if (prediction.multiLabel()) {
            writeScores(g, "topics", prediction.topics());
        }
        g.writeObjectFieldStart("model");
        g.writeStringField("name", model.name());
        g.writeStringField("version", model.version());
        g.writeStringField("id", model.id());
        g.writeEndObject();
        g.writeStringField("classified_at", classifiedAt.toString());
        g.writeEndObject();
    }

    private static void writeScores(JsonGenerator g, String field, java.util.List<TopicScore> scores) throws IOException {
        g.writeArrayFieldStart(field);
        for (TopicScore score : scores) {
            g.writeStartObject();
            g.writeStringField("topic", score.topic());
            g.writeNumberField("score", score.score());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The shadow-topic value: {@code {"id", "agree", "active": classification, "shadow": classification}}, the
     * two classifications in the output format.
     */
    public static ObjectNode shadowComparison(Article article, Prediction active, ModelBundle activeModel,
                                              Prediction shadow, ModelBundle shadowModel, Instant at) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", article.id());
        out.put("agree", java.util.Objects.equals(active.topic(), shadow.topic()));
        out.set("active", classification(active, activeModel, at));
        out.set("shadow", classification(shadow, shadowModel, at));
        return out;
    }

    /** A classification object as a tree, written by the same code as a tagged article's. */
    private static JsonNode classification(Prediction prediction, ModelBundle model, Instant classifiedAt) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator generator = ArticleDeserializer.JSON.getFactory().createGenerator(out)) {
            writeClassification(generator, prediction, model, classifiedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        try {
            return ArticleDeserializer.JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("a classification just written does not parse", e);
        }
    }
}
