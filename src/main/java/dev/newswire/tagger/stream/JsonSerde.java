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

    /**
     * Tagged articles, written as UTF-8 JSON ({@link TaggedArticles#toJson}); outputs are only written. An output
     * larger than {@code maxBytes} (the output topic's {@code max.message.bytes}) is refused with a
     * {@link SerializationException}, so that its input is dead-lettered rather than the producer failing on it.
     */
    public static Serde<TaggedArticle> taggedArticles(int maxBytes) {
        return Serdes.serdeFrom((topic, tagged) -> {
            if (tagged == null) {
                return null;
            }
            byte[] json = tagged.toJson();
            if (json.length > maxBytes) {
                throw new SerializationException("tagged article '" + tagged.article().id() + "' is " + json.length
                        + " bytes, more than output.max.bytes=" + maxBytes);
            }
            return json;
        }, (topic, bytes) -> {
            throw new UnsupportedOperationException("tagged articles are only written; read them with tagged()");
        });
    }

    /**
     * JSON objects as UTF-8 JSON: the shadow topic's values, and tagged articles read back (e.g. by tests). A tree
     * with a non-finite number is refused ({@link FiniteNumbers}).
     */
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
