package dev.newswire.tagger.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of the topology's values. */
public final class JsonSerde {

    private JsonSerde() {
    }

    /** Input articles, validated by {@link ArticleDeserializer}; articles are never serialized back. */
    public static Serde<Article> articles(int maxBytes) {
        return Serdes.serdeFrom((topic, article) -> {
            throw new UnsupportedOperationException("articles are only read");
        }, new ArticleDeserializer(maxBytes));
    }

    /** Tagged articles as UTF-8 JSON; a tree with a non-finite number is refused ({@link FiniteNumbers}). */
    public static Serde<ObjectNode> tagged() {
        return Serdes.serdeFrom((topic, node) -> {
            if (node == null) {
                return null;
            }
            FiniteNumbers.require(node);
            try {
                return ArticleDeserializer.JSON.writeValueAsBytes(node);
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot serialize tagged article: " + e.getOriginalMessage(), e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return (ObjectNode) ArticleDeserializer.JSON.readTree(bytes);
            } catch (java.io.IOException | ClassCastException e) {
                throw new SerializationException("not a tagged article: " + e.getMessage(), e);
            }
        });
    }
}
