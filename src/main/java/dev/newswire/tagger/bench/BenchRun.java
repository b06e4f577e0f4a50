package dev.newswire.tagger.bench;

import dev.newswire.tagger.NewswireException;
import dev.newswire.tagger.kafka.TopicAdminException;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.stream.SignaturePolicy;
import dev.newswire.tagger.stream.TaggerConfig;
import dev.newswire.tagger.stream.TaggerRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One run: fresh topics, the tagger's runtime started on them (timed to RUNNING), the receiver reading its outputs,
 * the articles sent, and everything measured until the last output is in.
 */
final class BenchRun {

    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);
    /** Warm-up articles are numbered from here, so their ids never meet the measured ones' ({@code b-0 ..}). */
    static final long WARMUP_FIRST = 1_000_000_000_000L;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final BenchSettings settings;
    private final ModelBundle model;
    private final BenchPayloads payloads;
    private final Consumer<String> progress;

    BenchRun(String bootstrapServers, BenchSettings settings, ModelBundle model, BenchPayloads payloads,
             Consumer<String> progress) {
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        this.model = model;
        this.payloads = payloads;
        this.progress = progress;
    }

    /** Runs with {@code threads} stream threads on {@code topics}, which must not exist yet. */
    RunReport run(Admin admin, BenchTopics topics, int threads) throws IOException, InterruptedException, TopicAdminException {
        topics.create(admin, ADMIN_TIMEOUT);
        Path state = Files.createTempDirectory("newswire-bench-state");
        try {
            Map<String, String> config = config(topics, threads, state);
            try (TaggerRuntime runtime = new TaggerRuntime(TaggerConfig.fromMap(config), model, SignaturePolicy.acceptAll(), 0)) {
                double startup = start(runtime);
                progress.accept(String.format(Locale.ROOT, "RUNNING after %.2f s", startup));
                WarmupResult warmup = warmUp(topics);
                progress.accept(String.format(Locale.ROOT, "sending %,d articles %s", settings.messages(),
                        settings.rate() > 0 ? String.format(Locale.ROOT, "at %,.0f/s", settings.rate()) : "as fast as possible"));
                Receiver receiver = Receiver.start(bootstrapServers, topics, 0, settings.messages(), settings.warmup(), true);
                // The producer is closed only after the resources are taken, so that its I/O thread's CPU time is
                // still counted as the bench's (a thread that has ended is no longer measurable).
                try (KafkaProducer<byte[], byte[]> producer = producer(settings.rate())) {
                    ResourceSampler sampler = ResourceSampler.start();
                    ProducerResult produced = PacedProducer.send(producer, topics.input(), payloads, 0,
                            settings.messages(), settings.rate());
                    progress.accept(String.format(Locale.ROOT, "sent %,d in %.2f s; %,d back so far, waiting for the rest",
                            produced.attempted(), produced.sendSeconds(), receiver.accounted()));
                    ReceiverResult received = receiver.finish(settings.idleTimeout(), progress);
                    ResourceUsage resources = sampler.finish();
                    return new RunReport(threads, topics.run(), applicationId(topics), config, startup, warmup, produced,
                            received, resources);
                } finally {
                    receiver.close();
                }
            }
        } finally {
            deleteQuietly(state);
        }
    }

    /** The bench's application id for a run. */
    static String applicationId(BenchTopics topics) {
        return "newswire-bench-" + topics.run();
    }

    /** {@code --set} entries, then the bench's own: topics, application id, state folder, broker, threads. */
    private Map<String, String> config(BenchTopics topics, int threads, Path state) {
        Map<String, String> config = new TreeMap<>(settings.config());
        config.putAll(topics.configEntries());
        config.put("bootstrap.servers", bootstrapServers);
        config.put("application.id", applicationId(topics));
        config.put("state.dir", state.toString());
        config.put("num.stream.threads", Integer.toString(threads));
        return config;
    }

    /** Starts the runtime; seconds from {@code start()} to RUNNING. */
    private static double start(TaggerRuntime runtime) throws InterruptedException {
        long begin = System.nanoTime();
        runtime.start();
        if (!runtime.awaitRunning(RUNNING_TIMEOUT)) {
            throw new NewswireException("the topology did not reach RUNNING within " + RUNNING_TIMEOUT.toSeconds()
                    + " s (state " + runtime.service().state() + ")");
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    /**
     * Sends the warm-up articles as fast as possible and waits for all of them (or the idle timeout), so that the
     * measured articles meet JIT-compiled code in the tagger, the clients and an embedded broker.
     */
    private WarmupResult warmUp(BenchTopics topics) throws InterruptedException {
        int count = settings.warmupMessages();
        if (count == 0) {
            return WarmupResult.NONE;
        }
        progress.accept(String.format(Locale.ROOT, "warming up with %,d articles as fast as possible", count));
        Receiver receiver = Receiver.start(bootstrapServers, topics, WARMUP_FIRST, count, 0, false);
        try {
            long begin = System.nanoTime();
            ProducerResult sent;
            try (KafkaProducer<byte[], byte[]> producer = producer(0)) {
                sent = PacedProducer.send(producer, topics.input(), payloads, WARMUP_FIRST, count, 0);
            }
            if (sent.failed() > 0) {
                throw new NewswireException("warm-up: " + sent.failed() + " of " + count + " articles failed to send (first: "
                        + sent.firstError() + ")");
            }
            ReceiverResult back = receiver.finish(settings.idleTimeout(), progress);
            double seconds = (System.nanoTime() - begin) / 1e9;
            WarmupResult result = new WarmupResult(count, back.tagged() + back.deadLettered(), seconds);
            progress.accept(String.format(Locale.ROOT, "warm-up: %,d of %,d back in %.1f s (%,.0f/s)", result.back(),
                    count, seconds, result.rate()));
            return result;
        } finally {
            receiver.close();
        }
    }

    private KafkaProducer<byte[], byte[]> producer(double rate) {
        return new KafkaProducer<>(PacedProducer.config(bootstrapServers, rate), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
