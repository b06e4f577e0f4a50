package dev.newswire.tagger.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger's {@link StreamsUncaughtExceptionHandler}: a stream thread that died is replaced
 * ({@code REPLACE_THREAD}) as long as its {@link ThreadReplacementPolicy} allows; after that the application
 * shuts down ({@code SHUTDOWN_CLIENT}: this instance only, the others of the application go on) and
 * {@link #gaveUp()} turns true. Kafka Streams cannot replace its global thread (model topic); when that one dies,
 * Streams shuts the client down whatever this answers. Thread-safe.
 */
public final class ThreadFailureHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailureHandler.class);

    private final ThreadReplacementPolicy policy;
    private final Clock clock;
    /** When threads were replaced, only those still within the policy's window. Guarded by {@code this}. */
    private final List<Instant> replacements = new ArrayList<>();
    private volatile boolean gaveUp;

    public ThreadFailureHandler(ThreadReplacementPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        replacements.removeIf(t -> !t.isAfter(now.minus(policy.window())));
        String thread = Thread.currentThread().getName();
        if (policy.replaces(replacements, now)) {
            replacements.add(now);
            LOG.error("Stream thread {} died; replacing it ({} of {} replacements allowed within {})", thread,
                    replacements.size(), policy.maxReplacements(), policy.window(), exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        gaveUp = true;
        LOG.error("Stream thread {} died after {} replacements within {} (at most {}); shutting the application down",
                thread, replacements.size(), policy.window(), policy.maxReplacements(), exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Whether a failure has been answered with {@code SHUTDOWN_CLIENT}. */
    public boolean gaveUp() {
        return gaveUp;
    }

    public ThreadReplacementPolicy policy() {
        return policy;
    }
}
