package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundles;
import java.awt.image.BufferedImage;
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
import javax.imageio.ImageIO;
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
    void shouldClassifyAlikeWithEitherEngineAndRefuseAnUnknownOne(@TempDir Path dir) throws Exception {
        String model = fixtureModel(dir).toString();
        for (String engine : List.of("fast", "dl4j", "DL4J")) {
            Run r = run("", "classify", "--model", model, "--engine", engine, "opec crude oil output");
            assertThat(r.exitCode()).as(engine).isZero();
            assertThat(JSON.readTree(r.out()).at("/classification/topic").asText()).isEqualTo("crude");
        }
        Run bad = run("", "classify", "--model", model, "--engine", "gpu", "text");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--engine must be fast or dl4j, got 'gpu'");
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
        assertThat(ImageIO.read(reports.resolve("confusion-matrix.png").toFile()).getWidth()).isEqualTo(640); // 3 topics: the minimum
        assertThat(ImageIO.read(reports.resolve("reliability.png").toFile()).getWidth()).isEqualTo(900);
        JsonNode report = JSON.readTree(reports.resolve("report.json").toFile());
        assertThat(report.get("epochs")).hasSize(6);
        assertThat(report.at("/testCalibration/scored").asInt() + report.at("/testCalibration/abstained").asInt())
                .isEqualTo(100);
        assertThat(report.at("/test/confusionMatrix/labels")).hasSize(3);
        assertThat(t.out()).contains("test calibration: ECE ");

        Run e = run("", "evaluate", "--model", bundle.toString(), "--train", train.toString(), "--test", test.toString(), "--json");
        assertThat(e.exitCode()).as(e.err()).isZero();
        JsonNode evaluation = JSON.readTree(e.out());
        double accuracy = evaluation.at("/evaluation/accuracy").asDouble();
        assertThat(accuracy).isEqualTo(report.at("/test/accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(ModelBundles.read(bundle).manifest().testMetrics().get("accuracy")).isEqualTo(accuracy);

        // The same bundle compared with itself: every document paired with itself, nothing significant.
        Run c = run("", "evaluate", "--model", bundle.toString(), "--compare", bundle.toString(), "--train", train.toString(),
                "--test", test.toString(), "--json");
        assertThat(c.exitCode()).as(c.err()).isZero();
        JsonNode compared = JSON.readTree(c.out());
        assertThat(compared.at("/comparison/documents").asInt()).isEqualTo(100);
        assertThat(compared.at("/comparison/agreements").asInt()).isEqualTo(100);
        assertThat(compared.at("/comparison/onlyFirst").asInt()).isZero();
        assertThat(compared.at("/comparison/onlySecond").asInt()).isZero();
        assertThat(compared.at("/comparison/bothRight").asInt()).isEqualTo(evaluation.at("/evaluation/correct").asInt());
        assertThat(compared.at("/first/evaluation/accuracy").asDouble()).isEqualTo(accuracy);
        assertThat(compared.at("/significant").asBoolean()).isFalse();
        Run text = run("", "evaluate", "--model", bundle.toString(), "--compare", bundle.toString(), "--train", train.toString(),
                "--test", test.toString());
        assertThat(text.out()).contains("only the first 0, only the second 0", "not significant at the 5 % level");
    }

    /** Fixture-model documents whose outcome is known: 3 right, 1 wrong (grain text about crude), 1 abstention. */
    private static Path knownOutcomes(Path dir) throws Exception {
        return Files.write(dir.resolve("known.jsonl"), List.of(
                "{\"text\": \"wheat harvest grain tonnes\", \"label\": \"grain\"}",
                "{\"text\": \"crude oil barrel opec\", \"label\": \"crude\"}",
                "{\"text\": \"profit dividend shares\", \"label\": \"earn\"}",
                "{\"text\": \"crude oil barrel opec\", \"label\": \"grain\"}",
                "{\"text\": \"nothing known here\", \"label\": \"earn\"}"));
    }

    @Test
    void shouldWriteTheConfusionMatrixReliabilityDiagramAndJsonIntoTheReportDir(@TempDir Path dir) throws Exception {
        String model = fixtureModel(dir).toString();
        String data = knownOutcomes(dir).toString();
        Path reports = dir.resolve("not/yet/there");
        Run r = run("", "evaluate", "--model", model, "--train", data, "--test", data, "--report-dir", reports.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("calibration of the top-1 confidence (15 equal-width bins; 4 scored, 1 abstained",
                "ECE ", "MCE ", "[0.933, 1.000]", "wrote confusion-matrix.png, reliability.png and evaluation.json");

        BufferedImage matrix = ImageIO.read(reports.resolve("confusion-matrix.png").toFile());
        assertThat(matrix.getWidth()).isEqualTo(640); // 3 topics: 300 + 4 x 18 = 372, below the minimum 640 x 560
        assertThat(matrix.getHeight()).isEqualTo(560);
        BufferedImage reliability = ImageIO.read(reports.resolve("reliability.png").toFile());
        assertThat(reliability.getWidth()).isEqualTo(900);
        assertThat(reliability.getHeight()).isEqualTo(600);

        JsonNode report = JSON.readTree(reports.resolve("evaluation.json").toFile());
        Run json = run("", "evaluate", "--model", model, "--train", data, "--test", data, "--json");
        assertThat(JSON.readTree(json.out())).isEqualTo(report);
        JsonNode counts = report.at("/evaluation/confusionMatrix/counts");
        assertThat(JSON.convertValue(counts, int[][].class)).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(JSON.convertValue(report.at("/evaluation/confusionMatrix/abstained"), int[].class))
                .containsExactly(0, 0, 1);
        JsonNode calibration = report.get("calibration");
        assertThat(calibration.get("scored").asInt()).isEqualTo(4);
        assertThat(calibration.get("abstained").asInt()).isEqualTo(1);
        assertThat(calibration.get("accuracy").asDouble()).isEqualTo(0.75);
        // ECE again from the bins: sum of n_b / N * |acc_b - conf_b|.
        double ece = 0;
        int binned = 0;
        for (JsonNode bin : calibration.get("bins")) {
            ece += bin.get("count").asInt() / 4.0 * Math.abs(bin.get("accuracy").asDouble() - bin.get("meanConfidence").asDouble());
            binned += bin.get("count").asInt();
        }
        assertThat(calibration.get("bins")).hasSize(15);
        assertThat(binned).isEqualTo(4);
        assertThat(calibration.get("expectedCalibrationError").asDouble()).isCloseTo(ece, within(1e-12));
    }

    @Test
    void shouldWarnWhenTheModelWasTrainedOnOtherDataOrLacksSomeOfItsTopics(@TempDir Path dir) throws Exception {
        String data = knownOutcomes(dir).toString();
        // The embedded model was trained on keras46, whose 46 topics include the three of the known-outcomes file
        // (the training part) but not the test file's "rubbish": the data's topics are those of both parts.
        Path withUnknown = Files.writeString(dir.resolve("unknown.jsonl"),
                "{\"text\": \"wheat grain harvest\", \"label\": \"grain\"}\n"
                        + "{\"text\": \"crude oil\", \"label\": \"rubbish\"}\n");
        Run r = run("", "evaluate", "--train", data, "--test", withUnknown.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: newswire-keras46@2 was trained on keras46, not ")
                .contains("warning: 1 of the 4 topics of ").contains("are not among the 46 of newswire-keras46@2");
    }

    @Test
    void shouldRefuseAReportDirThatIsAFileOrCannotBeMadeBeforeEvaluating(@TempDir Path dir) throws Exception {
        String model = fixtureModel(dir).toString();
        String data = knownOutcomes(dir).toString();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--report-dir", file.toString()), "--report-dir " + file + " is a file, not a folder");
        cases.put(List.of("--report-dir", file.resolve("r").toString()), "--report-dir: cannot create the folder");
        cases.put(List.of("--report-dir", dir.resolve("r").toString(), "--compare", model),
                "--report-dir cannot be combined with --compare");
        cases.put(List.of("--report-dir", ""), "--report-dir must name a folder, not an empty string");
        cases.forEach((options, message) -> {
            List<String> args = new ArrayList<>(List.of("evaluate", "--model", model, "--train", data, "--test", data));
            args.addAll(options);
            Run r = run("", args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", options)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", options)).contains(message);
            assertThat(r.out()).as(String.join(" ", options)).doesNotContain("accuracy");
        });
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void shouldRecordTheRecipeAndItsOverriddenSettingsInTheManifest(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("mine.jsonl");
        Files.write(data, generated(300, 5));
        Path bundle = dir.resolve("wide.zip");
        Run t = run("", "train", "--data", data.toString(), "--output", bundle.toString(), "--recipe", "best",
                "--epochs", "2", "--hidden", "32", "--bigrams");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("Recipe wide-tuned+custom (version 1): tfidf+l2+bigrams features");

        dev.newswire.tagger.model.ModelManifest m = ModelBundles.read(bundle).manifest();
        assertThat(m.formatVersion()).isEqualTo(2);
        assertThat(m.training().recipe()).isEqualTo("wide-tuned+custom");
        assertThat(m.training().optimizer()).isEqualTo("adam");
        assertThat(m.training().dropout()).isEqualTo(0.5);
        assertThat(m.training().selection()).isEqualTo("val-accuracy");
        assertThat(m.network().hiddenSizes()).containsExactly(32);
        assertThat(m.features().id()).isEqualTo("tfidf+l2+bigrams");
    }

    @Test
    void shouldRefuseAValidationPartThatLeavesNothingToFitBeforeTraining(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("mine.jsonl");
        Files.write(data, generated(300, 5));
        Run r = run("", "train", "--data", data.toString(), "--output", dir.resolve("m.zip").toString(),
                "--validation-size", "240");
        assertThat(r.exitCode()).isEqualTo(2);
        // 300 documents, 20 % of them the test part: 240 to train on, all of them held out.
        assertThat(r.err()).contains("--validation-size 240 leaves nothing to fit: the training part has 240 documents");
        assertThat(r.out()).doesNotContain("Training on");
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

    @Test
    void shouldRefuseABrokerPortOutOfRange() {
        Run r = run("", "broker", "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--port must be 0 to 65535, got 70000");
    }

    @Test
    void shouldRefuseANegativeThreadReplacementCount() {
        Run r = run("", "run", "--max-thread-replacements", "-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--max-thread-replacements must be 0 or more");
    }

    @Test
    void shouldRefuseContradictingOrIgnoredDataOptionsAsUsageErrors(@TempDir Path dir) {
        String a = dir.resolve("a.jsonl").toString();
        String b = dir.resolve("b.jsonl").toString();
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("train", "--test", a), "--test needs --train");
        cases.put(List.of("evaluate", "--test", a), "--test needs --train");
        cases.put(List.of("train", "--data", a, "--train", a, "--test", b), "--data cannot be combined with --train or --test");
        cases.put(List.of("train", "--data", a, "--test", b), "--data cannot be combined with --train or --test");
        cases.put(List.of("train", "--split", "r8", "--text", "keras"), "--text keras is for the keras46 split only, not r8");
        cases.put(List.of("train", "--data", a, "--text", "keras"), "--text keras is for the keras46 split");
        cases.put(List.of("train", "--train", a, "--test", b, "--split", "r52"), "--split is for the Reuters splits");
        cases.put(List.of("evaluate", "--split", "r8", "--test-fraction", "0.3"), "--test-fraction applies to --data only");
        cases.put(List.of("train", "--split", "r9"), "--split must be one of keras46, r8, r52");
        cases.put(List.of("train", "--recipe", "fastest"), "unknown recipe 'fastest'; valid: seed, wide, wide-bigrams, wide-tuned, compact, best");
        cases.put(List.of("train", "--recipe", "wide", "--dropout", "1.5"), "dropout must be in [0, 1)");
        cases.put(List.of("train", "--optimizer", "sgd"), "unknown optimizer 'sgd'");
        cases.put(List.of("train", "--selection", "val-f1"), "unknown selection 'val-f1'");
        cases.forEach((args, message) -> {
            Run r = run("", args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(message);
        });
    }

    @Test
    void shouldHoldOutTenPercentOfOwnDataByDefault(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("mine.jsonl");
        Files.write(data, generated(100, 3));
        Run r = run("", "train", "--data", data.toString(), "--output", dir.resolve("m.zip").toString(),
                "--hidden", "8", "--epochs", "1", "--vocab-size", "50", "--batch-size", "16");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(\\d+) training documents \\((\\d+) to fit, (\\d+) held out for validation\\)");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) training documents \\((\\d+) to fit, (\\d+) held out")
                .matcher(r.out());
        assertThat(m.find()).isTrue();
        int train = Integer.parseInt(m.group(1));
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(train / 10);
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(train - train / 10);
        assertThat(ModelBundles.read(dir.resolve("m.zip")).manifest().data().validationDocuments()).isEqualTo(train / 10);
    }

    @Test
    void shouldChooseTheValidationSizeByTheData() {
        assertThat(TrainCommand.validationSize(null, false, 8982)).isEqualTo(1000);
        assertThat(TrainCommand.validationSize(null, true, 480)).isEqualTo(48);
        assertThat(TrainCommand.validationSize(null, true, 5)).isEqualTo(1);
        assertThat(TrainCommand.validationSize(7, true, 480)).isEqualTo(7);
        assertThat(TrainCommand.validationSize(7, false, 8982)).isEqualTo(7);
    }

    @Test
    void shouldRefuseAValidationSizeThatIsNotAutoOrPositive(@TempDir Path dir) {
        for (String bad : List.of("0", "-3", "some")) {
            Run r = run("", "train", "--data", dir.resolve("a.jsonl").toString(), "--validation-size", bad);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.err()).contains("--validation-size must be auto or a number");
        }
    }

    @Test
    void shouldRefuseToTrainOnASingleLabel(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("one.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("{\"id\":\"d" + i + "\",\"text\":\"wheat harvest " + i + "\",\"label\":\"grain\"}");
        }
        Files.write(data, lines);
        Run r = run("", "train", "--data", data.toString(), "--output", dir.resolve("m.zip").toString(), "--epochs", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("needs at least 2 labels, got 1: grain");
        assertThat(r.out()).doesNotContainPattern("(?m)^epoch ");
    }

    @Test
    void shouldRefuseUnwritableOutputsBeforeTraining(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("mine.jsonl");
        Files.write(data, generated(50, 4));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--output", dir.toString()), "is a folder");
        cases.put(List.of("--output", file.resolve("m.zip").toString()), "cannot create the folder");
        cases.put(List.of("--output", dir.resolve("m.zip").toString(), "--report-dir", file.toString()), "is a file, not a folder");
        cases.put(List.of("--output", dir.resolve("a.zip").toString(), "--report-dir", file.resolve("r").toString()),
                "cannot create the folder");
        Files.writeString(dir.resolve("b-report"), "in the way");
        cases.put(List.of("--output", dir.resolve("b.zip").toString()), "b-report is a file, not a folder");
        cases.forEach((options, message) -> {
            List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--epochs", "1"));
            args.addAll(options);
            Run r = run("", args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", options)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", options)).contains(message);
            assertThat(r.out()).doesNotContainPattern("(?m)^epoch ");
        });
    }

    @Test
    void shouldLeaveNoTemporaryFileWhenTheBundleCannotBeWritten(@TempDir Path dir) throws Exception {
        Path inTheWay = Files.createDirectories(dir.resolve("m.zip"));
        Files.writeString(inTheWay.resolve("keep"), "x");
        assertThatThrownBy(() -> dev.newswire.tagger.model.ModelBundles.writeBytes(inTheWay, new byte[] {1, 2, 3}))
                .isInstanceOf(java.io.IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.zip");
        }
    }

    @Test
    void shouldListRunsExitCodesAndFailurePolicyInItsHelp() {
        Run help = run("", "run", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:", "failure.max.thread.replacements",
                "failure.thread.replacement.window.ms");
        assertThat(help.out().lines().map(String::strip))
                .anySatisfy(line -> assertThat(line).startsWith("0").contains("clean shutdown"))
                .anySatisfy(line -> assertThat(line).startsWith("1").contains("bad configuration"))
                .anySatisfy(line -> assertThat(line).startsWith("2").contains("invalid command line"))
                .anySatisfy(line -> assertThat(line).startsWith("3").contains("the application failed"));
    }

    @Test
    void shouldExitWithZeroAfterACleanShutdownAndThreeAfterAFailure() {
        assertThat(RunCommand.exitCodeAfterShutdown(false)).isZero();
        assertThat(RunCommand.exitCodeAfterShutdown(true)).isEqualTo(3);
    }

    @Test
    void shouldShowEachCommandsWholeFirstSentenceInTheTopLevelHelp() {
        Run help = run("", "--help");
        assertThat(help.exitCode()).isZero();
        String flat = help.out().replaceAll("\\s+", " ");
        Main.commandLine().getSubcommands().forEach((name, sub) -> {
            String first = sub.getCommandSpec().usageMessage().description()[0];
            assertThat(first).as(name).endsWith(".");
            assertThat(flat).as(name).contains(first.replace("%%", "%"));
        });
    }

    @Test
    void shouldPrintADevelopmentVersionWhenThereIsNoJarManifest() {
        assertThat(run("", "-V").out().strip()).isEqualTo("newswire-tagger (development build)");
        assertThat(run("", "classify", "-V").out().strip()).isEqualTo("newswire-tagger (development build)");
        assertThat(Main.Version.line("")).isEqualTo("newswire-tagger (development build)");
        assertThat(Main.Version.line(null)).isEqualTo("newswire-tagger (development build)");
        assertThat(Main.Version.line("1.2.0")).isEqualTo("newswire-tagger 1.2.0");
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
