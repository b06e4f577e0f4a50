package dev.newswire.tagger.stream;

/** Receives the {@link ModelEvent}s of a {@link ModelRegistry}: a Kafka topic in production, a list in tests. */
@FunctionalInterface
public interface ModelEventSink {

    void publish(ModelEvent event);

    /** Drops events (they are logged by the registry anyway). */
    static ModelEventSink none() {
        return event -> { };
    }
}
