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
        ObjectNode classification = out.putObject("classification");
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
        return out;
    }
}
