package dev.newswire.tagger.model;

import dev.newswire.tagger.NewswireException;

/** A key file was refused: the message names the file and says what is wrong with it. */
public class KeyFileException extends NewswireException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }
}
