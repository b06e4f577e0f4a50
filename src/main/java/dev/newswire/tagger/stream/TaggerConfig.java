package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.InferenceEngine;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration of the stream processor ({@code run}, {@code demo}), validated at start-up. Loaded from a
 * properties file; an environment variable {@code NEWSWIRE_<KEY>} (upper case, dots and dashes as underscores)
 * overrides a key. Keys starting with {@value #STREAMS_PREFIX} go to Kafka Streams with the prefix removed.
 *
 * @param modelPath        a bundle file, or empty for the model embedded in the jar
 * @param topK             how many topics each classification lists
 * @param inferenceEngine  which engine scores articles: the fast one (default) or the DL4J reference
 * @param maxArticleBytes  larger input values are dead-lettered unparsed
 * @param dlqMaxMessageBytes the largest dead-letter record, the dead-letter topic's {@code max.message.bytes}; a
 *                         larger one is cut to fit ({@link DeadLetterRecords})
 * @param outputMaxBytes   the largest tagged output, the output topic's {@code max.message.bytes}; the input of a
 *                         larger one is dead-lettered ({@code serialization-error}) instead of failing the producer
 * @param modelTopic       bundles and release records ({@link ModelTopic})
 * @param modelEventsTopic where instances report what they did with model-topic records
 * @param modelName        the release name to follow; empty = the embedded model's name
 * @param trustedKeys      Ed25519 public keys; when any is given, unsigned or wrongly signed model records are refused
 * @param shadowOutput     whether active and shadow predictions are written to {@code shadowTopic}
 * @param threadReplacements how often a dead stream thread is replaced before the application shuts down
 *                         ({@code failure.max.thread.replacements} within {@code failure.thread.replacement.window.ms})
 * @param streamsOverrides Kafka Streams settings passed through verbatim
 */
public record TaggerConfig(String applicationId, String bootstrapServers, String inputTopic, String outputTopic,
                           String dlqTopic, Optional<Path> modelPath, int topK, InferenceEngine inferenceEngine,
                           int maxArticleBytes, int dlqMaxMessageBytes, int outputMaxBytes,
                           int numStreamThreads, String processingGuarantee, Optional<String> stateDir,
                           String modelTopic, String modelEventsTopic, Optional<String> modelName,
                           List<Path> trustedKeys, String shadowTopic, boolean shadowOutput,
                           ThreadReplacementPolicy threadReplacements, Map<String, String> streamsOverrides) {

    public static final String STREAMS_PREFIX = "streams.";
    public static final String ENV_PREFIX = "NEWSWIRE_";
    /** The Streams producer's max.request.size: the output and dead-letter topics' max.message.bytes. */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** The smallest {@code output.max.bytes}: room for an article and its classification. */
    public static final int MIN_OUTPUT_BYTES = 1024;
    /** The tagger's producer {@code linger.ms} unless overridden: 5 (Kafka Streams' own default is 100). */
    public static final int PRODUCER_LINGER_MS = 5;
    /** The tagger's producer {@code batch.size} unless overridden: 1 MiB (the client's default is 16 KiB). */
    public static final int PRODUCER_BATCH_BYTES = 1024 * 1024;

    private static final Set<String> KNOWN = Set.of("application.id", "bootstrap.servers", "input.topic",
            "output.topic", "output.max.bytes", "dlq.topic", "dlq.max.message.bytes", "model.path", "classification.top.k", "inference.engine", "max.article.bytes",
            "num.stream.threads", "processing.guarantee", "state.dir", "model.topic", "model.events.topic",
            "model.name", "model.trusted.keys", "shadow.topic", "shadow.output.enabled",
            "failure.max.thread.replacements", "failure.thread.replacement.window.ms");
    private static final Set<String> GUARANTEES = Set.of(StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2);

    public TaggerConfig {
        requireText("application.id", applicationId);
        requireText("bootstrap.servers", bootstrapServers);
        requireText("input.topic", inputTopic);
        requireText("output.topic", outputTopic);
        requireText("dlq.topic", dlqTopic);
        requireText("model.topic", modelTopic);
        requireText("model.events.topic", modelEventsTopic);
        requireText("shadow.topic", shadowTopic);
        if (new java.util.HashSet<>(List.of(inputTopic, outputTopic, dlqTopic, modelTopic, modelEventsTopic, shadowTopic)).size() != 6) {
            throw new ConfigException("input.topic, output.topic, dlq.topic, model.topic, model.events.topic and shadow.topic "
                    + "must be six different topics");
        }
        trustedKeys = List.copyOf(trustedKeys);
        if (topK < 1 || topK > 100) {
            throw new ConfigException("classification.top.k must be between 1 and 100, got " + topK);
        }
        if (inferenceEngine == null) {
            throw new ConfigException("inference.engine must be set");
        }
        if (maxArticleBytes < 1) {
            throw new ConfigException("max.article.bytes must be >= 1, got " + maxArticleBytes);
        }
        int producerMax = producerMaxRequestBytes(streamsOverrides);
        if (dlqMaxMessageBytes < DeadLetterRecords.MIN_MAX_BYTES || dlqMaxMessageBytes > producerMax) {
            throw new ConfigException("dlq.max.message.bytes must be between " + DeadLetterRecords.MIN_MAX_BYTES
                    + " and the Streams producer's max.request.size (" + producerMax + "), got " + dlqMaxMessageBytes);
        }
        if (outputMaxBytes < MIN_OUTPUT_BYTES || outputMaxBytes > producerMax) {
            throw new ConfigException("output.max.bytes must be between " + MIN_OUTPUT_BYTES
                    + " and the Streams producer's max.request.size (" + producerMax + "), got " + outputMaxBytes);
        }
        if (numStreamThreads < 1) {
            throw new ConfigException("num.stream.threads must be >= 1, got " + numStreamThreads);
        }
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new ConfigException("processing.guarantee must be one of " + GUARANTEES + ", got '" + processingGuarantee + "'");
        }
        if (threadReplacements == null) {
            throw new ConfigException("failure.max.thread.replacements and failure.thread.replacement.window.ms must be set");
        }
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    /** The defaults of {@code config/tagger.properties}, with {@code bootstrap.servers} as given. */
    public static TaggerConfig defaults(String bootstrapServers) {
        return fromMap(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** Loads {@code file}, then applies the environment overrides of {@code env}. */
    public static TaggerConfig load(Path file, Map<String, String> env) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return fromMap(withEnvironment(values, env));
    }

    /** {@code values} with every key that has a {@code NEWSWIRE_*} variable in {@code env} replaced. */
    static Map<String, String> withEnvironment(Map<String, String> values, Map<String, String> env) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        for (String key : KNOWN) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                merged.put(key, fromEnv.trim());
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String prefix = ENV_PREFIX + "STREAMS_";
            if (e.getKey().startsWith(prefix)) {
                String key = e.getKey().substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                merged.put(STREAMS_PREFIX + key, e.getValue().trim());
            }
        }
        return merged;
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Builds a configuration from flat key/values; unknown keys (other than {@code streams.*}) are refused. */
    public static TaggerConfig fromMap(Map<String, String> values) {
        Map<String, String> streams = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(STREAMS_PREFIX)) {
                streams.put(e.getKey().substring(STREAMS_PREFIX.length()), e.getValue());
            } else if (!KNOWN.contains(e.getKey())) {
                throw new ConfigException("unknown configuration key '" + e.getKey() + "' (known: " + new TreeSet<>(KNOWN)
                        + ", or streams.*)");
            }
        }
        return new TaggerConfig(
                get(values, "application.id", "newswire-tagger"),
                get(values, "bootstrap.servers", "localhost:9092"),
                get(values, "input.topic", "newswire"),
                get(values, "output.topic", "newswire-tagged"),
                get(values, "dlq.topic", "newswire-dlq"),
                Optional.of(get(values, "model.path", "")).filter(s -> !s.isEmpty()).map(Path::of),
                intValue(values, "classification.top.k", 3),
                engineValue(values, "inference.engine", InferenceEngine.DEFAULT),
                intValue(values, "max.article.bytes", 1024 * 1024),
                intValue(values, "dlq.max.message.bytes", MAX_REQUEST_BYTES),
                intValue(values, "output.max.bytes", MAX_REQUEST_BYTES),
                intValue(values, "num.stream.threads", 1),
                get(values, "processing.guarantee", StreamsConfig.AT_LEAST_ONCE),
                Optional.of(get(values, "state.dir", "")).filter(s -> !s.isEmpty()),
                get(values, "model.topic", "newswire-models"),
                get(values, "model.events.topic", "newswire-model-events"),
                Optional.of(get(values, "model.name", "")).filter(s -> !s.isEmpty()),
                java.util.Arrays.stream(get(values, "model.trusted.keys", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList(),
                get(values, "shadow.topic", "newswire-shadow"),
                booleanValue(values, "shadow.output.enabled", false),
                threadReplacements(values),
                streams);
    }

    /** The Kafka Streams properties of this configuration. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqTopic);
        p.put(DeadLetterRecords.MAX_BYTES_CONFIG, dlqMaxMessageBytes);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SerializationDeadLetterHandler.class.getName());
        // Opt in now to what becomes the default in Kafka 5.0 (and silences its start-up warning).
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Input values may be up to the input topic's 2 MiB; their dead letters (value plus error headers) and
        // tagged outputs must fit in a produce request, which is 1 MB by default.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_BYTES);
        // Kafka Streams lingers 100 ms before sending a batch, which is most of the latency at moderate rates;
        // 5 ms is the plain producer's default. A 1 MiB batch (16 KiB by default, about a dozen tagged articles)
        // means fewer, larger produce requests: measured 15,700 vs 11,700 articles/s and 115 vs 142 µs of CPU per
        // article on 2 cores (BENCHMARKS-bench.md). Both can be overridden with streams.producer.*.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), PRODUCER_LINGER_MS);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        stateDir.ifPresent(dir -> p.put(StreamsConfig.STATE_DIR_CONFIG, dir));
        p.putAll(streamsOverrides);
        return p;
    }

    /**
     * The Streams producer's max.request.size: {@code streams.producer.max.request.size}, else
     * {@link #MAX_REQUEST_BYTES} (which {@link #streamsProperties()} sets with the prefix, so it beats an unprefixed one).
     */
    private static int producerMaxRequestBytes(Map<String, String> streamsOverrides) {
        String v = streamsOverrides.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        try {
            return v == null ? MAX_REQUEST_BYTES : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("streams.producer.max.request.size must be a whole number, got '" + v + "'");
        }
    }

    private static ThreadReplacementPolicy threadReplacements(Map<String, String> values) {
        int max = intValue(values, "failure.max.thread.replacements", ThreadReplacementPolicy.DEFAULT_MAX_REPLACEMENTS);
        if (max < 0) {
            throw new ConfigException("failure.max.thread.replacements must be 0 or more, got " + max);
        }
        long windowMs = longValue(values, "failure.thread.replacement.window.ms",
                ThreadReplacementPolicy.DEFAULT_WINDOW.toMillis());
        if (windowMs < 1) {
            throw new ConfigException("failure.thread.replacement.window.ms must be 1 or more, got " + windowMs);
        }
        return new ThreadReplacementPolicy(max, Duration.ofMillis(windowMs));
    }

    private static String get(Map<String, String> values, String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v;
    }

    private static int intValue(Map<String, String> values, String key, int fallback) {
        long v = longValue(values, key, fallback);
        if (v != (int) v) {
            throw new ConfigException(key + " must be a whole number, got '" + values.get(key) + "'");
        }
        return (int) v;
    }

    private static long longValue(Map<String, String> values, String key, long fallback) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, got '" + v + "'");
        }
    }

    private static InferenceEngine engineValue(Map<String, String> values, String key, InferenceEngine fallback) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return InferenceEngine.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " must be fast or dl4j, got '" + v + "'");
        }
    }

    private static boolean booleanValue(Map<String, String> values, String key, boolean fallback) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key + " must be true or false, got '" + v + "'");
        };
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " must not be empty");
        }
    }
}
