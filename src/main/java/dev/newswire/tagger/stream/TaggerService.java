package dev.newswire.tagger.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a topology as a {@link KafkaStreams} application: start, wait until it is RUNNING, close. A stream thread
 * that dies of an unexpected exception is replaced as its {@link ThreadReplacementPolicy} allows
 * ({@link ThreadFailureHandler}); after that the application shuts down and {@link #awaitTermination} reports it
 * as failed.
 */
public final class TaggerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaggerService.class);

    private final KafkaStreams streams;
    private final ThreadFailureHandler failures;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;

    /** With at most {@code maxThreadReplacements} replacements within {@link ThreadReplacementPolicy#DEFAULT_WINDOW}. */
    public TaggerService(Topology topology, Properties properties, int maxThreadReplacements) {
        this(topology, properties, ThreadReplacementPolicy.atMost(maxThreadReplacements));
    }

    public TaggerService(Topology topology, Properties properties, ThreadReplacementPolicy replacements) {
        this.streams = new KafkaStreams(topology, properties);
        this.failures = new ThreadFailureHandler(replacements, Clock.systemUTC());
        streams.setUncaughtExceptionHandler(failures);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR) {
                failed = true;
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
                stopped.countDown();
            }
        });
    }

    /** Starts processing. */
    public void start() {
        streams.start();
    }

    /**
     * Waits until the application is RUNNING; false on timeout or if it stopped instead. A state that goes back to
     * REBALANCING (another instance joining) is waited out, not taken as a failure.
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        while (true) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the application has stopped; true if it stopped because of a failure. */
    public boolean awaitTermination() throws InterruptedException {
        stopped.await();
        return failed();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Whether the application failed: it went to ERROR, or a thread died once more than the policy allows. */
    public boolean failed() {
        return failed || failures.gaveUp();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
