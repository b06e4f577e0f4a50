package dev.newswire.tagger.stream;

import dev.newswire.tagger.NewswireException;

/**
 * An input record is not a valid article. Thrown by {@link ArticleDeserializer}; the dead-letter handler turns it
 * into one dead-letter record whose {@value DeadLetterHandler#REASON_HEADER} header is {@link #reason()}.
 */
public class InvalidArticleException extends NewswireException {
    private static final long serialVersionUID = 1L;

    /** Why a record was set aside: the value of the reason header. */
    public enum Reason {
        INVALID_UTF8("invalid-utf8"),
        INVALID_UNICODE("invalid-unicode"),
        MALFORMED_JSON("malformed-json"),
        NOT_AN_OBJECT("not-an-object"),
        MISSING_ID("missing-id"),
        WRONG_TYPE("wrong-type"),
        TOO_LARGE("too-large");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public InvalidArticleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidArticleException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
