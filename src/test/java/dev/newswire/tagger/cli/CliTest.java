package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
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
