package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.bench.BenchPayloads;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.stream.TaggerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker restart under a running tagger: 30,000 Reuters newswires, {@code run} in a child JVM processing them,
 * and the broker (the embedded KRaft node of this JVM) shut down midway and started again {@link #DOWNTIME} later on
 * the same port with the same data. The tagger must carry on by itself (it is neither restarted nor touched) and
 * every article must come back; under exactly_once_v2, read by a read_committed consumer, exactly once. The counts,
 * the downtime and the recovery are logged as a report (INFO). The moment of the stop is random but seeded
 * ({@value #SEED}, or {@code -Dnewswire.crash.seed=N}): once the output holds 20 to 60 % of the articles.
 */
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);

    private static final int ARTICLES = 30_000;
    private static final Duration DOWNTIME = Duration.ofSeconds(5);
    private static final long SEED = 11L;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final TaggerConfig TOPICS = TaggerConfig.defaults("unused:9092");

    private static BenchPayloads payloads;

    @BeforeAll
    static void readTheNewswires() throws Exception {
        payloads = RunFixture.reutersOrSkip();
    }

    /** What a run measured. */
    private record Restart(String guarantee, int threshold, OutputTally.Counts atStop, long stopMs, long downMs,
                           long restartMs, long msToNextOutput, OutputTally.Counts last, List<Integer> missing,
                           List<String> problems, long threadReplacements, boolean aliveAtEnd, int exitCode,
                           long seconds) {
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldCarryOnAfterABrokerRestartAndLoseNothingUnderAtLeastOnce(@TempDir Path dir) throws Exception {
        Restart run = restartDuringRun(dir, StreamsConfig.AT_LEAST_ONCE);

        assertThat(run.atStop().distinct()).as("articles back when the broker stopped").isLessThan(ARTICLES);
        assertThat(run.aliveAtEnd()).as("the tagger ran throughout").isTrue();
        assertThat(run.problems()).isEmpty();
        assertThat(run.last().lost()).as("articles lost, e.g. %s", run.missing()).isZero();
        assertThat(run.last().deadLetters()).isZero();
        assertThat(run.exitCode()).as("exit code after SIGTERM").isZero();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldCarryOnAfterABrokerRestartAndTagEveryArticleExactlyOnceUnderExactlyOnceV2(@TempDir Path dir)
            throws Exception {
        Restart run = restartDuringRun(dir, StreamsConfig.EXACTLY_ONCE_V2);

        assertThat(run.atStop().distinct()).as("articles back when the broker stopped").isLessThan(ARTICLES);
        assertThat(run.aliveAtEnd()).as("the tagger ran throughout").isTrue();
        assertThat(run.problems()).isEmpty();
        assertThat(run.last().lost()).as("articles lost, e.g. %s", run.missing()).isZero();
        assertThat(run.last().duplicates()).as("duplicates").isZero();
        assertThat(run.last().outputs()).isEqualTo(ARTICLES);
        assertThat(run.last().deadLetters()).isZero();
        assertThat(run.exitCode()).as("exit code after SIGTERM").isZero();
    }

    private Restart restartDuringRun(Path dir, String guarantee) throws Exception {
        long started = System.nanoTime();
        String applicationId = "broker-restart-" + guarantee.replace('_', '-');
        int threshold = new Random(Long.getLong("newswire.crash.seed", SEED)).nextInt(ARTICLES / 5, ARTICLES * 3 / 5);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = TopicAdmin.createAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            TopicAdmin.ensureTopics(admin, TopicSpecs.loadDefault(), Duration.ofSeconds(30));
            RunFixture.produce(broker.bootstrapServers(), TOPICS.inputTopic(), payloads, ARTICLES);
            Path config = RunFixture.writeConfig(dir.resolve("tagger.properties"), Map.of(
                    "bootstrap.servers", broker.bootstrapServers(),
                    "application.id", applicationId,
                    "processing.guarantee", guarantee,
                    "state.dir", dir.resolve("state").toString()));
            try (OutputTally tally = new OutputTally(broker.bootstrapServers(), TOPICS.outputTopic(), TOPICS.dlqTopic(),
                    ARTICLES, guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2));
                 TaggerProcess tagger = TaggerProcess.start(config, Map.of(), dir.resolve("run.log"))) {
                boolean reached = tally.awaitCounts(c -> c.distinct() >= threshold || !tagger.isAlive(), TIMEOUT);
                assertThat(tagger.isAlive() && reached).as("the tagger reached %d articles; its log:\n%s", threshold,
                        tagger.outputTail(40)).isTrue();

                OutputTally.Counts atStop = tally.counts();
                long stopping = System.nanoTime();
                broker.stop();
                long stopped = System.nanoTime();
                Thread.sleep(DOWNTIME.toMillis());
                long restarting = System.nanoTime();
                broker.restart();
                long restarted = System.nanoTime();
                long outputsAtRestart = tally.counts().outputs();
                assertThat(tally.awaitCounts(c -> c.outputs() > outputsAtRestart || !tagger.isAlive(), TIMEOUT)
                        && tagger.isAlive()).as("the tagger wrote again after the restart; its log:\n%s",
                        tagger.outputTail(40)).isTrue();
                long nextOutput = System.nanoTime();

                assertThat(RunFixture.awaitCommittedToEnd(admin, applicationId, TOPICS.inputTopic(), TIMEOUT))
                        .as("the tagger committed the whole input; its log:\n%s", tagger.outputTail(40)).isTrue();
                assertThat(RunFixture.awaitNoOpenTransactions(admin, List.of(TOPICS.outputTopic(), TOPICS.dlqTopic()),
                        TIMEOUT)).as("no transaction left open").isTrue();
                assertThat(tally.awaitCaughtUp(Duration.ofSeconds(60))).as("output read to its end").isTrue();
                boolean alive = tagger.isAlive();
                int exitCode = tagger.stop(Duration.ofSeconds(60));
                long replacements = tagger.output().lines().filter(l -> l.contains("died; replacing it")).count();
                Restart run = new Restart(guarantee, threshold, atStop, ms(stopped - stopping), ms(restarted - stopping),
                        ms(restarted - restarting), ms(nextOutput - restarted), tally.counts(), tally.missing(10),
                        tally.problems(), replacements, alive, exitCode, ms(System.nanoTime() - started) / 1000);
                report(run);
                return run;
            }
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void report(Restart run) {
        LOG.info("BrokerRestartIT {}: {} newswires; broker stopped at threshold {} (seed {}), output then: {}",
                run.guarantee(), ARTICLES, run.threshold(), Long.getLong("newswire.crash.seed", SEED), run.atStop());
        LOG.info("BrokerRestartIT {}: broker down {} ms (shutdown {} ms, {} ms stopped, restart {} ms); the tagger wrote "
                        + "again {} ms after the restart; stream threads replaced: {}", run.guarantee(), run.downMs(),
                run.stopMs(), DOWNTIME.toMillis(), run.restartMs(), run.msToNextOutput(), run.threadReplacements());
        LOG.info("BrokerRestartIT {}: final: {}; missing {}; exit code after SIGTERM {}; {} s in all", run.guarantee(),
                run.last(), run.missing(), run.exitCode(), run.seconds());
    }
}
