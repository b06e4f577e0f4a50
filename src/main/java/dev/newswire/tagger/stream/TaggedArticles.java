package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicScore;
import java.time.Instant;

/**
 * Builds the output value: the input article's JSON (every field kept) plus a {@code classification} object
 * {@code {"topic", "confidence", "abstained", "top": [{"topic", "score"}…], "model": {"name", "version", "id"},
 * "classified_at"}}. An input field named {@code classification} is replaced. Pure: the input is not changed.
 */
public final class TaggedArticles {

    private TaggedArticles() {
    }

    public static ObjectNode tag(Article article, Prediction prediction, ModelBundle model, Instant classifiedAt) {
        ObjectNode out = article.json().deepCopy();
        fill(out.putObject("classification"), prediction, model, classifiedAt);
        return out;
    }

    /**
     * The shadow-topic value: {@code {"id", "agree", "active": classification, "shadow": classification}}, the
     * two classifications in the output format.
     */
    public static ObjectNode shadowComparison(Article article, Prediction active, ModelBundle activeModel,
                                              Prediction shadow, ModelBundle shadowModel, Instant at) {
        ObjectNode out = article.json().objectNode();
        out.put("id", article.id());
        out.put("agree", java.util.Objects.equals(active.topic(), shadow.topic()));
        fill(out.putObject("active"), active, activeModel, at);
        fill(out.putObject("shadow"), shadow, shadowModel, at);
        return out;
    }

    private static void fill(ObjectNode classification, Prediction prediction, ModelBundle model, Instant classifiedAt) {
        if (prediction.abstained()) {
            classification.putNull("topic");
        } else {
            classification.put("topic", prediction.topic());
        }
        classification.put("confidence", prediction.confidence());
        classification.put("abstained", prediction.abstained());
        ArrayNode top = classification.putArray("top");
        for (TopicScore score : prediction.top()) {
            top.addObject().put("topic", score.topic()).put("score", score.score());
        }
        classification.putObject("model")
                .put("name", model.name())
                .put("version", model.version())
                .put("id", model.id());
        classification.put("classified_at", classifiedAt.toString());
    }
}
