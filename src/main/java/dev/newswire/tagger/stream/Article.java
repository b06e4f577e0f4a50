package dev.newswire.tagger.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newswire.tagger.text.ArticleText;
import java.util.Arrays;

/**
 * A validated input article: its id, headline and body, and the whole JSON object it came in (unknown fields
 * included), as UTF-8 bytes, so that the output carries it on without parsing it into a tree and writing it again.
 * The bytes are one JSON object with no top-level {@code classification} field (the output adds its own); they are
 * copied in and out, so an article never changes.
 *
 * @param headline empty when absent or null
 * @param body     empty when absent or null
 * @param json     the article's JSON object (UTF-8)
 */
public record Article(String id, String headline, String body, byte[] json) {
    public Article {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        headline = headline == null ? "" : headline;
        body = body == null ? "" : body;
        if (json == null || json.length < 2) {
            throw new IllegalArgumentException("json is required");
        }
        json = json.clone();
    }

    /** An article made in code: its JSON is {@code {"id", "headline", "body"}} (empty ones left out). */
    public static Article of(String id, String headline, String body) {
        var object = ArticleDeserializer.JSON.createObjectNode().put("id", id);
        if (headline != null && !headline.isEmpty()) {
            object.put("headline", headline);
        }
        if (body != null && !body.isEmpty()) {
            object.put("body", body);
        }
        try {
            return new Article(id, headline, body, ArticleDeserializer.JSON.writeValueAsBytes(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an article's JSON", e); // not with a tree of strings
        }
    }

    /** A copy of the JSON bytes. */
    @Override
    public byte[] json() {
        return json.clone();
    }

    /** The text that is classified: headline and body. */
    public String text() {
        return ArticleText.of(headline, body);
    }

    /** Same id, headline, body and JSON bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Article a && id.equals(a.id) && headline.equals(a.headline) && body.equals(a.body)
                && Arrays.equals(json, a.json);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "Article[id=" + id + ", " + json.length + " bytes of JSON]";
    }

    /** The JSON bytes themselves, for the output writer (which only reads them). */
    byte[] jsonBytes() {
        return json;
    }
}
