package dev.newswire.tagger.bench;

import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicAdminException;
import dev.newswire.tagger.model.ModelBundle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The {@code bench} command's work: against an embedded broker (started here, in this JVM) or the given cluster,
 * one {@link BenchRun} per stream-thread count on fresh topics, the 1- and 2-thread outputs compared when asked,
 * the run's topics deleted from a cluster afterwards, and a {@link BenchReport}.
 */
public final class Bench {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final BenchSettings settings;
    private final ModelBundle model;
    private final BenchPayloads payloads;
    private final Consumer<String> progress;

    /**
     * @param progress told what is happening, a line at a time (e.g. "RUNNING after 1.2 s; sending ...")
     */
    public Bench(BenchSettings settings, ModelBundle model, BenchPayloads payloads, Consumer<String> progress) {
        this.settings = settings;
        this.model = model;
        this.payloads = payloads;
        this.progress = progress;
    }

    /**
     * Runs the bench.
     *
     * @throws IOException          if the broker does not start or a temporary folder cannot be made
     * @throws TopicAdminException  if the cluster does not answer or refuses the run's topics
     */
    public BenchReport run() throws IOException, InterruptedException, TopicAdminException {
        String startedAt = Instant.now().toString();
        String loadAverage = loadAverage();
        if (settings.bootstrapServers().isPresent()) {
            return runOn(settings.bootstrapServers().get(), false, startedAt, loadAverage);
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            progress.accept("embedded Kafka broker at " + broker.bootstrapServers() + " (in this JVM)");
            return runOn(broker.bootstrapServers(), true, startedAt, loadAverage);
        }
    }

    private BenchReport runOn(String bootstrapServers, boolean embedded, String startedAt, String loadAverage)
            throws IOException, InterruptedException, TopicAdminException {
        List<RunReport> runs = new ArrayList<>();
        List<BenchTopics> topics = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Verification verification = null;
        BenchRun bench = new BenchRun(bootstrapServers, settings, model, payloads, progress);
        try (Admin admin = TopicAdmin.createAdmin(bootstrapServers, ADMIN_TIMEOUT)) {
            try {
                List<Integer> threadCounts = settings.runThreads();
                for (int r = 0; r < threadCounts.size(); r++) {
                    BenchTopics runTopics = BenchTopics.fresh();
                    topics.add(runTopics);
                    int threads = threadCounts.get(r);
                    progress.accept(String.format(Locale.ROOT, "run %d of %d: %d stream thread%s, topics *-bench-%s",
                            r + 1, threadCounts.size(), threads, threads == 1 ? "" : "s", runTopics.run()));
                    runs.add(bench.run(admin, runTopics, threads));
                }
                if (settings.verifyThreads()) {
                    progress.accept("comparing the outputs of 1 and 2 stream threads");
                    verification = OutputComparison.compare(classifications(bootstrapServers, topics.get(0)),
                            classifications(bootstrapServers, topics.get(1)), settings.messages());
                }
            } finally {
                if (!embedded && !settings.keepTopics()) {
                    for (BenchTopics t : topics) {
                        String failure = t.delete(admin, BenchRun.applicationId(t), ADMIN_TIMEOUT);
                        if (failure != null) {
                            warnings.add("could not delete the topics or group of run " + t.run() + ": " + failure);
                        }
                    }
                }
            }
        }
        return new BenchReport(startedAt, reportSettings(bootstrapServers, embedded), environment(loadAverage), runs,
                verification, notes(embedded), warnings);
    }

    private Map<Integer, String> classifications(String bootstrapServers, BenchTopics topics) throws IOException {
        return OutputComparison.classifications(bootstrapServers, topics.output(), settings.messages(),
                settings.idleTimeout());
    }

    private BenchReport.Settings reportSettings(String bootstrapServers, boolean embedded) {
        Map<String, Object> producer = new java.util.TreeMap<>(PacedProducer.config(bootstrapServers, settings.rate()));
        Map<String, Object> consumer = new java.util.TreeMap<>(Receiver.config(bootstrapServers));
        return new BenchReport.Settings(settings.messages(), settings.rate(), settings.warmup(),
                settings.warmupMessages(), settings.runThreads(),
                bootstrapServers, embedded, settings.config(),
                new BenchReport.Model(model.name(), model.version(), model.id()), payloads.source(), payloads.size(),
                producer, consumer);
    }

    private static BenchReport.Environment environment(String loadAverage) {
        Runtime runtime = Runtime.getRuntime();
        return new BenchReport.Environment("Java " + System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                runtime.availableProcessors(), runtime.maxMemory() / (1024.0 * 1024.0), loadAverage);
    }

    private static List<String> notes(boolean embedded) {
        List<String> notes = new ArrayList<>();
        if (embedded) {
            notes.add("The broker is embedded: it runs in this JVM, so CPU, heap, RSS and GC figures include it, "
                    + "and it competes with the stream threads, the producer and the consumer for the same cores.");
        }
        notes.add("Latency is the receipt's wall-clock time minus the output record's timestamp, which Kafka Streams "
                + "copies from the input record (its CreateTime, set when it was sent). Kafka timestamps are whole "
                + "milliseconds, so each latency is up to 1 ms high.");
        notes.add("As fast as possible (rate 0), the producer outruns the topology and records queue in the input "
                + "topic: the latency then measures that queue; read the sustained throughput. Latency is meaningful "
                + "at an offered rate the topology keeps up with.");
        notes.add("Sustained throughput: outputs received after the warm-up divided by the time from the end of the "
                + "warm-up to the last receipt.");
        return notes;
    }

    /** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}, else the JVM's 1-minute figure, else n/a. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            double average = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return average < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", average);
        }
    }
}
