package dev.newswire.tagger.stream;

import dev.newswire.tagger.NewswireException;

/** A configuration value is missing or invalid; the message names the key. */
public class ConfigException extends NewswireException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
