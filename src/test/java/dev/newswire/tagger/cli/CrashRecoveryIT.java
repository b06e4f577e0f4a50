package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.bench.BenchPayloads;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.stream.TaggerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety of {@code run} on a real (embedded KRaft) broker: 50,000 Reuters newswires, and the tagger, a child
 * JVM, killed with SIGKILL three times while it processes them and started again each time with the same
 * configuration and state directory, as a supervisor would. Under at-least-once every article must come back
 * (duplicates are counted and reported); under exactly_once_v2, read by a read_committed consumer, every article
 * exactly once. The counts, the kill moments and the durations are logged as a report (INFO).
 *
 * <p>The kill moments are random but seeded ({@value #SEED}, or {@code -Dnewswire.crash.seed=N}): kill k comes once
 * the output holds a random share (10 to 85 %) of the articles, and once the incarnation being killed has written
 * something itself, so that every kill hits a tagger that is processing.
 */
class CrashRecoveryIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);

    private static final int ARTICLES = 50_000;
    private static final int KILLS = 3;
    private static final long SEED = 5L;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final TaggerConfig TOPICS = TaggerConfig.defaults("unused:9092");

    private static BenchPayloads payloads;

    @BeforeAll
    static void readTheNewswires() throws Exception {
        payloads = RunFixture.reutersOrSkip();
    }

    /** One kill: which incarnation, when, and what the output held then. */
    private record Kill(int incarnation, long pid, int threshold, long msToFirstOutput, long msAfterStart,
                        OutputTally.Counts atKill, int exitCode) {
    }

    /** A whole run: the kills, the final counts, the exit code of the last incarnation's SIGTERM, how long it took. */
    private record CrashRun(String guarantee, List<Kill> kills, OutputTally.Counts last, List<Integer> missing,
                            List<String> problems, int finalExitCode, long seconds) {
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldBringBackEveryArticleUnderAtLeastOnceThroughThreeKills(@TempDir Path dir) throws Exception {
        // At-least-once commits every 30 s by default; 1 s lets each incarnation commit progress before it is killed.
        CrashRun run = crashRun(dir, StreamsConfig.AT_LEAST_ONCE, Map.of("streams.commit.interval.ms", "1000"));

        assertKilledWhileProcessing(run);
        assertThat(run.problems()).isEmpty();
        assertThat(run.last().lost()).as("articles lost, e.g. %s", run.missing()).isZero();
        assertThat(run.last().distinct()).isEqualTo(ARTICLES);
        assertThat(run.last().deadLetters()).isZero();
        assertThat(run.finalExitCode()).as("exit code after SIGTERM").isZero();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldTagEveryArticleExactlyOnceUnderExactlyOnceV2ThroughThreeKills(@TempDir Path dir) throws Exception {
        CrashRun run = crashRun(dir, StreamsConfig.EXACTLY_ONCE_V2, Map.of());

        assertKilledWhileProcessing(run);
        assertThat(run.problems()).isEmpty();
        assertThat(run.last().lost()).as("articles lost, e.g. %s", run.missing()).isZero();
        assertThat(run.last().duplicates()).as("duplicates").isZero();
        assertThat(run.last().outputs()).isEqualTo(ARTICLES);
        assertThat(run.last().deadLetters()).isZero();
        assertThat(run.finalExitCode()).as("exit code after SIGTERM").isZero();
    }

    private static void assertKilledWhileProcessing(CrashRun run) {
        assertThat(run.kills()).hasSize(KILLS).allSatisfy(kill -> {
            assertThat(kill.exitCode()).as("exit code of kill -9 (128 + SIGKILL)").isEqualTo(TaggerProcess.SIGKILL_EXIT);
            assertThat(kill.atKill().distinct()).as("articles back when killed").isLessThan(ARTICLES);
        });
    }

    private CrashRun crashRun(Path dir, String guarantee, Map<String, String> extra) throws Exception {
        long started = System.nanoTime();
        String applicationId = "crash-" + guarantee.replace('_', '-');
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = TopicAdmin.createAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            TopicAdmin.ensureTopics(admin, TopicSpecs.loadDefault(), Duration.ofSeconds(30));
            RunFixture.produce(broker.bootstrapServers(), TOPICS.inputTopic(), payloads, ARTICLES);
            Path config = RunFixture.writeConfig(dir.resolve("tagger.properties"),
                    configEntries(broker, applicationId, guarantee, dir.resolve("state"), extra));
            List<Integer> thresholds = killThresholds(new Random(Long.getLong("newswire.crash.seed", SEED)));
            List<Kill> kills = new ArrayList<>();
            try (OutputTally tally = new OutputTally(broker.bootstrapServers(), TOPICS.outputTopic(), TOPICS.dlqTopic(),
                    ARTICLES, guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2))) {
                for (int k = 0; k < KILLS; k++) {
                    kills.add(startAndKill(k, thresholds.get(k), config, dir, tally));
                }
                try (TaggerProcess last = TaggerProcess.start(config, Map.of(), dir.resolve("run-" + KILLS + ".log"))) {
                    long lastStarted = System.nanoTime();
                    assertThat(RunFixture.awaitCommittedToEnd(admin, applicationId, TOPICS.inputTopic(), TIMEOUT))
                            .as("the last incarnation committed the whole input; its log:\n%s", last.outputTail(40)).isTrue();
                    long committed = System.nanoTime();
                    assertThat(RunFixture.awaitNoOpenTransactions(admin, List.of(TOPICS.outputTopic(), TOPICS.dlqTopic()),
                            TIMEOUT)).as("no transaction left open").isTrue();
                    LOG.info("CrashRecoveryIT {}: the last incarnation (pid {}) committed the whole input {} ms after its "
                                    + "start; no transaction open on the output {} ms later", guarantee, last.pid(),
                            TimeUnit.NANOSECONDS.toMillis(committed - lastStarted),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed));
                    assertThat(tally.awaitCaughtUp(Duration.ofSeconds(60))).as("output read to its end").isTrue();
                    int exitCode = last.stop(Duration.ofSeconds(60));
                    CrashRun run = new CrashRun(guarantee, kills, tally.counts(), tally.missing(10), tally.problems(),
                            exitCode, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                    report(run, thresholds);
                    return run;
                }
            }
        }
    }

    private static Map<String, String> configEntries(EmbeddedKafkaBroker broker, String applicationId, String guarantee,
                                                     Path stateDir, Map<String, String> extra) {
        Map<String, String> entries = new HashMap<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "application.id", applicationId,
                "processing.guarantee", guarantee,
                "state.dir", stateDir.toString(),
                // A killed instance stays in the consumer group until its session times out, and its partitions
                // wait for that; 6 s (the broker's minimum) instead of 45 s keeps three kills within the CI budget.
                "streams.session.timeout.ms", "6000",
                "streams.heartbeat.interval.ms", "1500"));
        entries.putAll(extra);
        return entries;
    }

    /** Starts incarnation {@code k}, waits until the output holds {@code threshold} articles and some of its own, kills it. */
    private static Kill startAndKill(int k, int threshold, Path config, Path dir, OutputTally tally) throws Exception {
        long outputsBefore = tally.counts().outputs();
        try (TaggerProcess process = TaggerProcess.start(config, Map.of(), dir.resolve("run-" + k + ".log"))) {
            long started = System.nanoTime();
            tally.awaitCounts(c -> c.outputs() > outputsBefore || !process.isAlive(), TIMEOUT);
            long msToFirstOutput = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            boolean reached = tally.awaitCounts(c -> c.distinct() >= threshold && c.outputs() > outputsBefore
                    || !process.isAlive(), TIMEOUT);
            assertThat(process.isAlive()).as("incarnation %d alive until killed; its log:\n%s", k, process.outputTail(40))
                    .isTrue();
            assertThat(reached).as("incarnation %d reached %d articles; its log:\n%s", k, threshold,
                    process.outputTail(40)).isTrue();
            OutputTally.Counts atKill = tally.counts();
            long msAfterStart = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int exitCode = process.kill();
            return new Kill(k, process.pid(), threshold, msToFirstOutput, msAfterStart, atKill, exitCode);
        }
    }

    /** {@value #KILLS} output levels (articles back) at which to kill, drawn from 10 to 85 % of the articles, ascending. */
    private static List<Integer> killThresholds(Random random) {
        return random.ints(KILLS, ARTICLES / 10, ARTICLES * 85 / 100).sorted().boxed().toList();
    }

    private static void report(CrashRun run, List<Integer> thresholds) {
        LOG.info("CrashRecoveryIT {}: {} newswires, {} kills (seed {}, thresholds {}), {} s in all",
                run.guarantee(), ARTICLES, run.kills().size(), Long.getLong("newswire.crash.seed", SEED), thresholds,
                run.seconds());
        for (Kill kill : run.kills()) {
            LOG.info("CrashRecoveryIT {}: kill {} of pid {} (first output {} ms after its start) {} ms after its start, "
                            + "at threshold {}: exit code {}; output then: {}", run.guarantee(), kill.incarnation() + 1,
                    kill.pid(), kill.msToFirstOutput(), kill.msAfterStart(), kill.threshold(), kill.exitCode(),
                    kill.atKill());
        }
        LOG.info("CrashRecoveryIT {}: final: {}; missing {}; exit code after SIGTERM {}", run.guarantee(), run.last(),
                run.missing().stream().map(BenchPayloads::id).collect(Collectors.joining(", ", "[", "]")),
                run.finalExitCode());
    }
}
