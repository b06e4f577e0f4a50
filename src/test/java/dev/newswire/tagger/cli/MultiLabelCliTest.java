package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.MultiLabelFixtureModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The multi-label side of the command line: classify shows topics, evaluate refuses what does not fit. */
class MultiLabelCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldClassifyWithTheTopicsOfAMultiLabelModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("multi.zip");
        Files.write(model, MultiLabelFixtureModels.bundleBytes("fixture-multi", "1"));
        Run r = run("classify", "--model", model.toString(), "wheat harvest grain tonnes and crude oil barrel opec");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode topics = JSON.readTree(r.out()).at("/classification/topics");
        List<String> names = new ArrayList<>();
        topics.forEach(t -> names.add(t.get("topic").asText()));
        assertThat(names).containsExactlyInAnyOrder("grain", "crude");
    }

    @Test
    void shouldRefuseToEvaluateTheMultiLabelSplitWithoutAMultiLabelModel(@TempDir Path dir) throws Exception {
        Run noModel = run("evaluate", "--split", "modapte90");
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("--split modapte90 is multi-label: give a multi-label model with --model");

        Path single = dir.resolve("single.zip");
        Files.write(single, FixtureModels.bundleBytes());
        Run singleLabel = run("evaluate", "--split", "modapte90", "--model", single.toString());
        assertThat(singleLabel.exitCode()).isEqualTo(2);
        assertThat(singleLabel.err()).contains("is a single-label model; --split modapte90 needs a multi-label one");

        Run compare = run("evaluate", "--split", "modapte90", "--model", single.toString(), "--compare", single.toString());
        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.err()).contains("--compare is for single-label splits only");

        Run keras = run("train", "--split", "modapte90", "--text", "keras", "--output", dir.resolve("m.zip").toString());
        assertThat(keras.exitCode()).isEqualTo(2);
        assertThat(keras.err()).contains("--text keras is for the keras46 split only");

        Run selection = run("train", "--split", "modapte90", "--selection", "val-loss", "--output",
                dir.resolve("m.zip").toString());
        assertThat(selection.exitCode()).isEqualTo(2);
        assertThat(selection.err()).contains("--selection does not apply to --split modapte90");
    }

    @Test
    void shouldRefuseAMultiLabelModelOnASingleLabelTestPart(@TempDir Path dir) throws Exception {
        Path multi = dir.resolve("multi.zip");
        Files.write(multi, MultiLabelFixtureModels.bundleBytes("fixture-multi", "1"));
        Path single = dir.resolve("single.zip");
        Files.write(single, FixtureModels.bundleBytes());
        Path data = dir.resolve("mine.jsonl");
        Files.writeString(data, "{\"text\":\"wheat grain harvest\",\"label\":\"grain\"}\n"
                + "{\"text\":\"crude oil opec\",\"label\":\"crude\"}\n");

        Run evaluate = run("evaluate", "--data", data.toString(), "--model", multi.toString());
        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).contains(multi + " is a multi-label model: evaluate it on a multi-label split");

        Run compare = run("evaluate", "--data", data.toString(), "--model", single.toString(), "--compare", multi.toString());
        assertThat(compare.exitCode()).isEqualTo(2);
        assertThat(compare.err()).contains(multi + " is a multi-label model");

        Run demo = run("demo", "--model", multi.toString(), "--messages", "1");
        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err()).contains("is a multi-label model: the demo checks one topic per article");
    }
}
