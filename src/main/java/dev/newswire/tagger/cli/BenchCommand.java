package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.bench.Bench;
import dev.newswire.tagger.bench.BenchPayloads;
import dev.newswire.tagger.bench.BenchReport;
import dev.newswire.tagger.bench.BenchSettings;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: real newswires through the running topology on a real broker, measured from the consuming side.
 * Wiring only: the work is {@link Bench}'s.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the tagger on a real broker: throughput, latency percentiles, CPU, memory, start-up time.",
                "Sends N newswires (the keras46 test documents, cycled, else the jar's sample articles) to an embedded",
                "broker in this JVM, or --bootstrap-servers, at a fixed offered rate or as fast as possible, and measures",
                "from the consuming side: sustained throughput, end-to-end latency p50/p99/p99.9, CPU, heap, RSS, GC.",
                "Each run uses fresh topics. Exit codes: 0 every article back (and, with --verify-threads, equal",
                "outputs), 1 some article failed or is missing, or the outputs differ, 2 usage error."})
final class BenchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "50000", description = "Articles per run (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--rate", defaultValue = "0", description = "Offered rate, articles/s; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--threads", description = "num.stream.threads (default: 1).")
    Integer threads;

    @Option(names = "--warmup", description = "First receipts left out of the figures (default: 5000, or a tenth of --messages if less).")
    Integer warmup;

    @Option(names = "--warmup-messages", description = "Articles sent as fast as possible, and all awaited, before each run's "
            + "measured ones, so that those meet JIT-compiled code (default: 100000; 0 = none).")
    Integer warmupMessages;

    @Option(names = "--verify-threads", description = "Run with 1, then 2 stream threads on the same input and compare every output.")
    boolean verifyThreads;

    @Option(names = "--bootstrap-servers", description = "An existing Kafka cluster (default: an embedded broker in this JVM).")
    String bootstrapServers;

    @Option(names = "--model", description = "Bundle to serve (default: the embedded model).")
    Path model;

    @Option(names = "--corpus", description = "Reuters-21578 directory (default: $NEWSWIRE_REUTERS_DIR, else ../shared/data/reuters21578).")
    Path corpus;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the JSON report there.")
    Path report;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A tagger configuration entry, e.g. inference.engine=dl4j or streams.producer.linger.ms=5; repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--idle-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Stop waiting for outputs after this long without one (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--keep-topics", description = "Leave each run's topics and group on the cluster (--bootstrap-servers only).")
    boolean keepTopics;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        ModelBundle bundle = EmbeddedModel.loadOrDefault(Optional.ofNullable(model));
        Optional<Path> dir = corpus != null ? Optional.of(corpus) : ReutersCorpus.locate();
        BenchPayloads payloads = dir.isPresent() ? BenchPayloads.keras46Test(dir.get()) : BenchPayloads.samples();
        out.printf(Locale.ROOT, "articles: %s%n", payloads.source());
        out.flush();
        BenchReport result = new Bench(settings, bundle, payloads, line -> {
            out.println(line);
            out.flush();
        }).run();
        out.println();
        result.summary().forEach(out::println);
        if (report != null) {
            JSON.writeValue(report.toFile(), result);
            out.println("report written to " + report);
        }
        out.flush();
        return result.complete() ? 0 : 1;
    }

    private BenchSettings settings() {
        if (verifyThreads && threads != null) {
            throw new ParameterException(spec.commandLine(), "--verify-threads runs with 1 and 2 stream threads; drop --threads");
        }
        if (idleTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--idle-timeout must be at least 1 second, got " + idleTimeoutSeconds);
        }
        int warm = warmup != null ? warmup : BenchSettings.defaultWarmup(messages);
        try {
            return new BenchSettings(messages, rate, warm,
                    warmupMessages != null ? warmupMessages : BenchSettings.DEFAULT_WARMUP_MESSAGES, threads == null ? 1 : threads, verifyThreads,
                    Optional.ofNullable(bootstrapServers), set, Duration.ofSeconds(idleTimeoutSeconds), keepTopics);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
