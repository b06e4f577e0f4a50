package dev.newswire.tagger.bench;

import dev.newswire.tagger.stream.ConfigException;
import dev.newswire.tagger.stream.TaggerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a bench does. Validated on construction; a bad value is an {@link IllegalArgumentException} naming it.
 *
 * @param messages         articles sent per run, at least 1
 * @param rate             offered rate, articles/s; 0 = as fast as possible
 * @param warmup           receipts left out of the latency and throughput figures, fewer than {@code messages}
 * @param warmupMessages   articles sent as fast as possible, and all awaited, before each run's measured articles,
 *                         so that the measured ones meet compiled code (the JIT) and warm caches; 0 = none
 * @param threads          {@code num.stream.threads} of the run (ignored with {@code verifyThreads})
 * @param verifyThreads    run with 1, then 2 stream threads on the same input and compare the outputs
 * @param bootstrapServers an existing cluster; empty = an embedded broker in this JVM
 * @param config           tagger configuration entries ({@code --set key=value}), passed through as they are;
 *                         none of {@link #RESERVED_KEYS}, which the bench sets itself, and all accepted by
 *                         {@link TaggerConfig#fromMap}
 * @param idleTimeout      how long to wait for more outputs once nothing arrives any more
 * @param keepTopics       leave each run's topics on the cluster (an embedded broker deletes everything anyway)
 */
public record BenchSettings(int messages, double rate, int warmup, int warmupMessages, int threads, boolean verifyThreads,
                            Optional<String> bootstrapServers, Map<String, String> config, Duration idleTimeout,
                            boolean keepTopics) {

    /** Keys the bench sets itself: its own topics, application id, state folder, broker, model and threads. */
    public static final Set<String> RESERVED_KEYS = reservedKeys();
    /** Warm-up articles sent before the measured ones when none is given. */
    public static final int DEFAULT_WARMUP_MESSAGES = 100_000;
    /** The warm-up of a run of 50,000 articles or more. */
    public static final int DEFAULT_WARMUP = 5_000;

    public BenchSettings {
        if (messages < 1) {
            throw new IllegalArgumentException("--messages must be at least 1, got " + messages);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or a positive number, got " + rate);
        }
        if (warmup < 0 || warmup >= messages) {
            throw new IllegalArgumentException("--warmup must be at least 0 and less than --messages (" + messages
                    + "), got " + warmup);
        }
        if (warmupMessages < 0) {
            throw new IllegalArgumentException("--warmup-messages must be at least 0, got " + warmupMessages);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        bootstrapServers = bootstrapServers.filter(s -> !s.isBlank());
        config = Map.copyOf(new TreeMap<>(config));
        Set<String> reserved = new TreeSet<>(config.keySet());
        reserved.retainAll(RESERVED_KEYS);
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("--set " + reserved + ": the bench sets these itself (use --threads, "
                    + "--model, --bootstrap-servers; topics and application id are new for every run)");
        }
        requireValidTaggerConfig(config);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
        }
    }

    /** The warm-up when none is given: 5,000 receipts, or a tenth of the run when that is less. */
    public static int defaultWarmup(int messages) {
        return Math.max(0, Math.min(DEFAULT_WARMUP, messages / 10));
    }

    /** The stream thread counts of the runs: {@code [threads]}, or {@code [1, 2]} when verifying. */
    public List<Integer> runThreads() {
        return verifyThreads ? List.of(1, 2) : List.of(threads);
    }

    /** Refuses, before anything starts, entries the tagger would refuse (unknown keys, bad values). */
    private static void requireValidTaggerConfig(Map<String, String> config) {
        Map<String, String> values = new TreeMap<>(config);
        values.putAll(BenchTopics.named("check").configEntries());
        values.put("bootstrap.servers", "localhost:9092");
        try {
            TaggerConfig.fromMap(values);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("--set: " + e.getMessage(), e);
        }
    }

    private static Set<String> reservedKeys() {
        Set<String> keys = new TreeSet<>(BenchTopics.KEYS);
        keys.addAll(List.of("bootstrap.servers", "application.id", "state.dir", "model.path", "num.stream.threads"));
        return Set.copyOf(keys);
    }
}
