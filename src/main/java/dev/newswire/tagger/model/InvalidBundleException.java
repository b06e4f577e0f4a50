package dev.newswire.tagger.model;

import dev.newswire.tagger.NewswireException;

/** A model bundle was refused: the message says which check failed and on what. */
public class InvalidBundleException extends NewswireException {
    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
