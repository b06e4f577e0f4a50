package dev.newswire.tagger.stream;

import dev.newswire.tagger.NewswireException;

/**
 * Reading or writing the model topic failed: the broker did not answer in time, the topic does not exist, or it
 * refused a record. The message names the topic and the bootstrap servers.
 */
public class ModelTopicException extends NewswireException {
    private static final long serialVersionUID = 1L;

    public ModelTopicException(String message) {
        super(message);
    }

    public ModelTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
