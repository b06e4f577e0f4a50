package dev.newswire.tagger.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a tagger answers a stream thread that died of an exception nothing else handled (bad input is dead-lettered
 * and never gets here): with a new thread, at most {@code maxReplacements} times within any {@code window}. A
 * failure past that is taken as one that replacing threads will not cure, and the application shuts down, so that
 * the process exits with an error for an operator or an orchestrator to see. Immutable.
 *
 * @param maxReplacements how many threads may be replaced within a window, 0 or more (0: the first failure shuts
 *                        the application down)
 * @param window          how long a replacement counts against the limit, positive
 */
public record ThreadReplacementPolicy(int maxReplacements, Duration window) {

    public static final int DEFAULT_MAX_REPLACEMENTS = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    public ThreadReplacementPolicy {
        if (maxReplacements < 0) {
            throw new IllegalArgumentException("maxReplacements must be 0 or more, got " + maxReplacements);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
    }

    /** At most {@code maxReplacements} within the {@linkplain #DEFAULT_WINDOW default window}. */
    public static ThreadReplacementPolicy atMost(int maxReplacements) {
        return new ThreadReplacementPolicy(maxReplacements, DEFAULT_WINDOW);
    }

    /**
     * Whether a thread that fails at {@code now} is replaced: yes while fewer than {@code maxReplacements} of the
     * earlier replacements happened within the window before it, i.e. after {@code now - window}. Pure.
     *
     * @param replacements when threads were replaced before, in any order; those before the window are ignored
     */
    public boolean replaces(List<Instant> replacements, Instant now) {
        return inWindow(replacements, now) < maxReplacements;
    }

    /** How many of {@code replacements} count against the limit at {@code now}. */
    public long inWindow(List<Instant> replacements, Instant now) {
        Instant start = now.minus(window);
        return replacements.stream().filter(t -> t.isAfter(start)).count();
    }
}
