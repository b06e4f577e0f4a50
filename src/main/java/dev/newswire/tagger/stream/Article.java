package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.text.ArticleText;

/**
 * A validated input article: its id, headline and body, and the whole JSON object it came in (unknown fields
 * included) so that the output can carry them on. The JSON object is never changed; outputs copy it.
 *
 * @param headline empty when absent or null
 * @param body     empty when absent or null
 */
public record Article(String id, String headline, String body, ObjectNode json) {
    public Article {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        headline = headline == null ? "" : headline;
        body = body == null ? "" : body;
        if (json == null) {
            throw new IllegalArgumentException("json is required");
        }
    }

    /** The text that is classified: headline and body. */
    public String text() {
        return ArticleText.of(headline, body);
    }
}
