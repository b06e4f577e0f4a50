package dev.newswire.tagger.kafka;

/**
 * The cluster could not be brought in line with the topic specs: it was unreachable or too slow, refused a
 * request, or cannot host a spec (e.g. fewer brokers than the replication factor). The message says which
 * topic and what went wrong.
 */
public class TopicAdminException extends Exception {

    /**
     * Creates an exception with a message only.
     *
     * @param message what failed, naming the topic where there is one
     */
    public TopicAdminException(String message) {
        super(message);
    }

    /**
     * Creates an exception caused by an admin client error.
     *
     * @param message what failed, naming the topic where there is one
     * @param cause   the underlying admin client error
     */
    public TopicAdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
