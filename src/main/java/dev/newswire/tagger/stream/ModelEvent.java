package dev.newswire.tagger.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Something an instance did with a model-topic record, published on {@code newswire-model-events}.
 *
 * @param type    {@code accepted}, {@code refused}, {@code activated}, {@code waiting}, {@code ignored}
 * @param key     the model-topic record key ({@code name@version} or {@code name})
 * @param version the version concerned, if any
 * @param reason  why, in words
 * @param offset  the model-topic offset of the record, -1 if unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelEvent(String type, String key, String version, String reason, String instance, long offset, String at) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
