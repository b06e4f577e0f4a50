package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import java.time.Instant;
import java.util.Objects;

/**
 * An article and how it was classified: the output record before it is written ({@link TaggedArticles#toJson}).
 *
 * @param model        the model that classified it
 * @param classifiedAt when
 */
public record TaggedArticle(Article article, Prediction prediction, ModelBundle model, Instant classifiedAt) {
    public TaggedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(classifiedAt, "classifiedAt");
    }

    /** The output value: the article's JSON with a {@code classification} object added. */
    public byte[] toJson() {
        return TaggedArticles.toJson(article, prediction, model, classifiedAt);
    }
}
