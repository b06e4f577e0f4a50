package dev.newswire.tagger;

/**
 * Root of the project's own unchecked exceptions. I/O boundaries throw checked {@link java.io.IOException}s;
 * everything the project itself refuses (a bad bundle, a bad configuration, bad input) is a subtype of this.
 */
public class NewswireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NewswireException(String message) {
        super(message);
    }

    public NewswireException(String message, Throwable cause) {
        super(message, cause);
    }
}
