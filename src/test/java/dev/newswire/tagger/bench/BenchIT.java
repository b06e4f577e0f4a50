package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Small benches through the {@code bench} command against the embedded broker: the report is complete and
 * consistent. No timing is asserted (timing belongs in BENCHMARKS-bench.md). Without the Reuters corpus the command
 * cycles the jar's sample articles, so these run either way.
 */
class BenchIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReportEveryFigureOfAPacedRun(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("paced.json");

        String out = bench("--messages", "3000", "--rate", "1000", "--warmup", "500", "--warmup-messages", "1000", "--report", report.toString());

        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.at("/settings/rate").asDouble()).isEqualTo(1000.0);
        assertThat(r.at("/settings/brokerInThisJvm").asBoolean()).isTrue();
        assertThat(r.get("runs")).hasSize(1);
        assertConsistent(r.get("runs").get(0), 3000, 500, 1);
        assertThat(r.get("runs").get(0).at("/produced/achievedRate").asDouble()).isPositive();
        // The warm-up's 1,000 articles all came back before the measured 3,000, and none of them was counted again.
        assertThat(r.at("/settings/warmupMessages").asInt()).isEqualTo(1000);
        assertThat(r.at("/runs/0/warmup/messages").asInt()).isEqualTo(1000);
        assertThat(r.at("/runs/0/warmup/back").asLong()).isEqualTo(1000);
        assertThat(r.at("/runs/0/received/unexpected").asLong()).isZero();
        assertThat(r.at("/runs/0/resources/cpuSecondsByThreads/stream threads").asDouble()).isPositive();
        assertThat(r.get("verification").isNull()).isTrue();
        assertThat(out).contains("1 stream thread (run ", "warm-up: 1,000 articles before the measured ones", "latency: p50 ", "throughput: ", "startup: ",
                "embedded: shares this JVM", "report written to " + report);
    }

    @Test
    void shouldTagEveryArticleAlikeWithOneAndTwoStreamThreads(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("verify.json");

        String out = bench("--messages", "3000", "--warmup", "300", "--warmup-messages", "0", "--verify-threads", "--report", report.toString());

        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.at("/settings/rate").asDouble()).isZero();
        assertThat(r.get("runs")).hasSize(2);
        assertConsistent(r.get("runs").get(0), 3000, 300, 1);
        assertConsistent(r.get("runs").get(1), 3000, 300, 2);
        assertThat(r.at("/runs/0/run").asText()).isNotEqualTo(r.at("/runs/1/run").asText());
        JsonNode v = r.get("verification");
        assertThat(v.get("compared").asLong()).as(out).isEqualTo(3000);
        assertThat(v.get("mismatches").asLong()).as(out).isZero();
        assertThat(v.get("equal").asBoolean()).isTrue();
        assertThat(out).contains("verify threads: EQUAL: 3,000 of 3,000 articles compared, 0 mismatches");
    }

    private static String bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] command = new String[args.length + 1];
        command[0] = "bench";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = cli.execute(command);
        assertThat(code).as(out + "\n" + err).isZero();
        return out.toString();
    }

    private static void assertConsistent(JsonNode run, int messages, int warmup, int threads) {
        String context = run.toString();
        assertThat(run.get("streamThreads").asInt()).isEqualTo(threads);
        assertThat(run.get("startupSeconds").asDouble()).as(context).isPositive();
        assertThat(run.at("/config/num.stream.threads").asText()).isEqualTo(String.valueOf(threads));

        JsonNode produced = run.get("produced");
        assertThat(produced.get("attempted").asLong()).isEqualTo(messages);
        assertThat(produced.get("acknowledged").asLong()).isEqualTo(messages);
        assertThat(produced.get("failed").asLong()).isZero();

        JsonNode received = run.get("received");
        assertThat(received.get("tagged").asLong()).as(context).isEqualTo(messages);
        assertThat(received.get("deadLettered").asLong()).isZero();
        assertThat(received.get("missing").asLong()).isZero();
        assertThat(received.get("unexpected").asLong()).isZero();
        assertThat(received.get("warmup").asLong()).isEqualTo(warmup);
        assertThat(received.get("sustainedRate").asDouble()).isPositive();
        assertThat(received.get("measuredRecords").asLong()).isPositive().isLessThanOrEqualTo(messages - warmup);
        long perSecond = 0;
        for (JsonNode second : received.get("perSecond")) {
            perSecond += second.get("received").asLong();
        }
        assertThat(perSecond).isEqualTo(messages);

        JsonNode latency = received.get("latency");
        assertThat(latency.get("count").asLong()).isEqualTo(messages - warmup);
        assertThat(latency.get("p50Ms").asDouble()).isPositive()
                .isLessThanOrEqualTo(latency.get("p99Ms").asDouble());
        assertThat(latency.get("p99Ms").asDouble()).isLessThanOrEqualTo(latency.get("p999Ms").asDouble());
        assertThat(latency.get("p999Ms").asDouble()).isLessThanOrEqualTo(latency.get("maxMs").asDouble());

        JsonNode resources = run.get("resources");
        assertThat(resources.get("cpuSeconds").asDouble()).isPositive();
        assertThat(resources.get("heapPeakMb").asDouble()).isPositive();
        assertThat(resources.get("gcCount").asLong()).isNotNegative();
        assertThat(resources.get("samples").size()).isPositive();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(resources.get("rssPeakMb").asDouble()).isPositive();
        }
    }
}
