package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Output, error output and exit code of one command line. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    private static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        InputStream saved = System.in;
        try {
            System.setIn(stdin);
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    private static Path fixtureModel(Path dir) throws Exception {
        Path model = dir.resolve("fixture.zip");
        Files.write(model, FixtureModels.bundleBytes());
        return model;
    }

    @Test
    void shouldClassifyTextArgumentsToTaggedJsonLines(@TempDir Path dir) throws Exception {
        Run r = run("", "classify", "--model", fixtureModel(dir).toString(), "opec crude oil output", "wheat harvest");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).at("/classification/topic").asText()).isEqualTo("crude");
        assertThat(JSON.readTree(lines.get(1)).at("/classification/topic").asText()).isEqualTo("grain");
        assertThat(JSON.readTree(lines.get(1)).at("/classification/model/name").asText()).isEqualTo("fixture");
    }

    @Test
    void shouldReportABadStdinLineWithItsNumberAndGoOn(@TempDir Path dir) throws Exception {
        String stdin = "{\"id\":\"1\",\"body\":\"dividend per share\"}\n{broken\n{\"id\":\"3\",\"body\":\"crude oil\"}\n";
        Run r = run(stdin, "classify", "--model", fixtureModel(dir).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines().map(l -> read(l).get("id").asText())).containsExactly("1", "3");
        assertThat(r.err()).contains("line 2: malformed-json");
    }

    @Test
    void shouldRefuseAMissingModelFileWithAClearMessage(@TempDir Path dir) {
        Run r = run("", "classify", "--model", dir.resolve("nope.zip").toString(), "text");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("nope.zip");
    }

    @Test
    void shouldTrainOnOwnJsonLinesAndEvaluateTheBundle(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.jsonl");
        Path test = dir.resolve("test.jsonl");
        Files.write(train, generated(300, 1));
        Files.write(test, generated(100, 2));
        Path bundle = dir.resolve("mine.zip");
        Run t = run("", "train", "--train", train.toString(), "--test", test.toString(), "--output", bundle.toString(),
                "--hidden", "16", "--epochs", "6", "--vocab-size", "200", "--validation-size", "50",
                "--batch-size", "32", "--learning-rate", "0.01", "--name", "mine");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("epoch  6/6").contains("test accuracy");
        Path reports = dir.resolve("mine-report");
        assertThat(reports.resolve("report.json")).exists();
        assertThat(Files.readAllBytes(reports.resolve("loss.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readAllBytes(reports.resolve("accuracy.png"))).startsWith(0x89, 'P', 'N', 'G');
        JsonNode report = JSON.readTree(reports.resolve("report.json").toFile());
        assertThat(report.get("epochs")).hasSize(6);

        Run e = run("", "evaluate", "--model", bundle.toString(), "--train", train.toString(), "--test", test.toString(), "--json");
        assertThat(e.exitCode()).as(e.err()).isZero();
        JsonNode evaluation = JSON.readTree(e.out());
        double accuracy = evaluation.at("/evaluation/accuracy").asDouble();
        assertThat(accuracy).isEqualTo(report.at("/test/accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(ModelBundles.read(bundle).manifest().testMetrics().get("accuracy")).isEqualTo(accuracy);
    }

    @Test
    void shouldFailTrainingWithAClearMessageWhenTheDataFileIsBad(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"text\":\"a\",\"label\":\"x\"}\nnot json\n");
        Run r = run("", "train", "--data", bad.toString(), "--output", dir.resolve("m.zip").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("bad.jsonl:2");
    }

    @Test
    void shouldReportAStdinLineThatIsNotValidUtf8InsteadOfTaggingIt(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        stdin.write("{\"id\":\"1\",\"body\":\"crude oil\"}\r\n".getBytes(StandardCharsets.UTF_8));
        stdin.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', '2', '"', ',', '"', 'b', 'o', 'd', 'y', '"', ':', '"',
                'c', 'r', 'u', 'd', 'e', ' ', (byte) 0xc3, '"', '}', '\n'});
        stdin.write("\n{\"id\":\"4\",\"body\":\"wheat\"}".getBytes(StandardCharsets.UTF_8));

        Run r = run(new ByteArrayInputStream(stdin.toByteArray()), "classify", "--model", fixtureModel(dir).toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines().map(l -> read(l).get("id").asText())).containsExactly("1", "4");
        assertThat(r.err()).contains("line 2: invalid-utf8");
    }

    @Test
    void shouldReportALineLongerThanMaxBytesAsTooLargeAndGoOn(@TempDir Path dir) throws Exception {
        InputStream stdin = new SequenceInputStream(new ByteLinesTest.Repeated('x', 5_000_000),
                new ByteArrayInputStream("\n{\"id\":\"2\",\"body\":\"crude oil\"}\n".getBytes(StandardCharsets.UTF_8)));

        Run r = run(stdin, "classify", "--model", fixtureModel(dir).toString(), "--max-bytes", "1000");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("line 1: too-large: line is 5000000 bytes, more than --max-bytes=1000");
        assertThat(r.out().lines().map(l -> read(l).get("id").asText())).containsExactly("2");
    }

    @Test
    void shouldRefuseTopAndMaxBytesOutOfRangeAsUsageErrors() {
        for (String[] args : List.of(new String[] {"--top", "0"}, new String[] {"--top", "101"},
                new String[] {"--max-bytes", "0"})) {
            List<String> line = new ArrayList<>(List.of("classify"));
            line.addAll(List.of(args));
            line.add("some text");
            Run r = run("", line.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains(args[0] + " must be");
        }
    }

    @Test
    void shouldRefuseANegativeMessageCountBeforeStartingTheDemo() {
        Run r = run("", "demo", "--messages", "-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--messages must be 0 (all) or more, got -1");
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    /** JSON lines whose label is decided by their words: "grain" texts use grain words, and so on. */
    private static List<String> generated(int n, long seed) throws Exception {
        String[][] words = {{"wheat", "corn", "harvest", "tonnes"}, {"crude", "oil", "barrel", "opec"},
                {"profit", "dividend", "share", "quarter"}};
        String[] labels = {"grain", "crude", "earn"};
        String[] noise = {"the", "said", "of", "in", "mln", "pct"};
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                String[] pool = random.nextInt(3) == 0 ? words[label] : noise;
                text.append(pool[random.nextInt(pool.length)]).append(' ');
            }
            lines.add(JSON.writeValueAsString(java.util.Map.of("id", "d" + seed + "-" + i, "text", text.toString(), "label", labels[label])));
        }
        return lines;
    }
}
