package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.train.Calibration;
import dev.newswire.tagger.train.Comparison;
import dev.newswire.tagger.train.Evaluation;
import dev.newswire.tagger.train.EvaluationPlots;
import dev.newswire.tagger.train.Evaluator;
import dev.newswire.tagger.train.ScoredEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaluate}: metrics of a bundle on the test part of a split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on the test part of a split: accuracy, macro-F1, per-topic metrics, most confused pairs, calibration.",
                "Calibration: the top-1 confidence in 15 equal-width bins, expected (ECE) and maximum (MCE) calibration error.",
                "With --report-dir DIR, also confusion-matrix.png, reliability.png and evaluation.json (the --json output) in DIR.",
                "With --compare OTHER.zip, both models on the same documents: each one's accuracy and macro-F1, how often",
                "both, only one or neither is right, how often they agree, and McNemar's test of the difference."})
final class EvaluateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The file of --report-dir that holds the --json output. */
    static final String EVALUATION_JSON = "evaluation.json";

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Option(names = "--model", description = "Bundle to evaluate (default: the embedded model).")
    Path model;

    @Option(names = "--compare", paramLabel = "OTHER.zip", description = "A second bundle to compare with, on the same test documents.")
    Path compare;

    @Option(names = "--json", description = "Print the evaluation as JSON.")
    boolean json;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write " + EvaluationPlots.CONFUSION_MATRIX_PNG
            + ", " + EvaluationPlots.RELIABILITY_PNG + " and " + EVALUATION_JSON
            + " (the --json output) into DIR, created if missing; not with --compare.")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        data.validate(spec);
        if (data.multiLabel()) {
            if (reportDir != null) {
                throw new ParameterException(spec.commandLine(), "--report-dir is for single-label models: "
                        + "a multi-label evaluation has no confusion matrix or top-1 calibration");
            }
            return MultiLabelReports.evaluate(spec, data, model, compare, json);
        }
        if (reportDir != null) {
            if (compare != null) {
                throw new ParameterException(spec.commandLine(), "--report-dir cannot be combined with --compare: "
                        + "evaluate each bundle with its own --report-dir");
            }
            OutputFolders.checkFolder(spec.commandLine(), "--report-dir", reportDir);
        }
        ModelBundle bundle = EmbeddedModel.loadOrDefault(Optional.ofNullable(model));
        requireSingleLabel(bundle, model == null ? "the embedded model" : model.toString());
        ModelBundle other = compare == null ? null : ModelBundles.read(compare);
        if (other != null) {
            requireSingleLabel(other, compare.toString());
        }
        Dataset dataset = data.load(spec);
        PrintWriter out = spec.commandLine().getOut();
        warnIfNotTrainedFor(bundle, dataset);
        if (compare != null) {
            warnIfNotTrainedFor(other, dataset);
            return compare(bundle, other, dataset, Evaluator.evaluate(bundle, dataset.test()), out);
        }
        ScoredEvaluation scored = Evaluator.evaluateScored(bundle, dataset.test());
        Evaluation evaluation = scored.evaluation();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", modelOf(bundle));
        report.put("split", dataset.name());
        report.put("evaluation", evaluation);
        report.put("calibration", scored.calibration());
        String reportJson = JSON.writeValueAsString(report);
        if (reportDir != null) {
            int written = CommandFailures.run(spec, () -> writeReport(scored, reportJson));
            if (written != 0) {
                return written;
            }
        }
        if (json) {
            out.println(reportJson);
            return 0;
        }
        out.printf(Locale.ROOT, "model %s@%s (id %s) on %s test: %d documents%n", bundle.name(), bundle.version(),
                bundle.id(), dataset.name(), evaluation.documents());
        out.printf(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  abstained %d%n%n", evaluation.accuracy(),
                evaluation.macroF1(), evaluation.abstained());
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "topic", "precision", "recall", "f1", "support");
        for (Evaluation.TopicMetrics t : evaluation.perTopic()) {
            if (t.support() > 0 || t.predicted() > 0) {
                out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %8d%n", t.topic(), t.precision(), t.recall(), t.f1(), t.support());
            }
        }
        out.printf(Locale.ROOT, "%nmost confused (true -> predicted):%n");
        for (Evaluation.Confusion c : evaluation.mostConfused()) {
            out.printf(Locale.ROOT, "  %-16s -> %-16s %5d%n", c.actual(), c.predicted(), c.count());
        }
        printCalibration(scored.calibration(), out);
        if (reportDir != null) {
            out.printf(Locale.ROOT, "%nwrote %s, %s and %s into %s%n", EvaluationPlots.CONFUSION_MATRIX_PNG,
                    EvaluationPlots.RELIABILITY_PNG, EVALUATION_JSON, reportDir);
        }
        return 0;
    }

    /** A multi-label bundle on a single-label split would be judged by its best topic alone: refused. */
    private void requireSingleLabel(ModelBundle bundle, String name) {
        if (bundle.multiLabel()) {
            throw new ParameterException(spec.commandLine(), name + " is a multi-label model: evaluate it on a "
                    + "multi-label split (--split " + Splits.MODAPTE90 + ")");
        }
    }

    /**
     * Says on stderr when the bundle was trained on another split or lacks some of the test part's topics: its
     * training documents may be among these test documents, and a topic it does not know is always an error.
     */
    private void warnIfNotTrainedFor(ModelBundle bundle, Dataset dataset) {
        PrintWriter err = spec.commandLine().getErr();
        String trainedOn = bundle.manifest().data().split();
        if (!trainedOn.equals(dataset.name())) {
            err.printf(Locale.ROOT, "warning: %s@%s was trained on %s, not %s: its training documents may be among "
                    + "this test part's, so its accuracy here may be flattered%n", bundle.name(), bundle.version(),
                    trainedOn, dataset.name());
        }
        Set<String> known = new HashSet<>(bundle.labels());
        long unknown = dataset.labels().stream().filter(label -> !known.contains(label)).count();
        if (unknown > 0) {
            err.printf(Locale.ROOT, "warning: %d of the %d topics of %s are not among the %d of %s@%s: their "
                    + "documents count as errors%n", unknown, dataset.labels().size(), dataset.name(),
                    bundle.labels().size(), bundle.name(), bundle.version());
        }
        err.flush();
    }

    private int writeReport(ScoredEvaluation scored, String reportJson) throws IOException {
        Files.createDirectories(reportDir);
        EvaluationPlots.write(scored.evaluation().confusionMatrix(), scored.calibration(), reportDir);
        Files.writeString(reportDir.resolve(EVALUATION_JSON), reportJson + System.lineSeparator(), StandardCharsets.UTF_8);
        return 0;
    }

    private static void printCalibration(Calibration c, PrintWriter out) {
        out.printf(Locale.ROOT, "%ncalibration of the top-1 confidence (%d equal-width bins; %d scored, %d abstained "
                + "and left out):%n", c.bins().size(), c.scored(), c.abstained());
        if (c.scored() == 0) {
            out.printf(Locale.ROOT, "  no document scored%n");
            return;
        }
        out.printf(Locale.ROOT, "ECE %.4f  MCE %.4f  mean confidence %.4f  accuracy %.4f  mean NLL %.4f%n",
                c.expectedCalibrationError(), c.maximumCalibrationError(), c.meanConfidence(), c.accuracy(),
                c.meanNegativeLogLikelihood());
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %7s%n", "confidence", "documents", "mean conf", "accuracy", "gap");
        for (int b = 0; b < c.bins().size(); b++) {
            Calibration.Bin bin = c.bins().get(b);
            String range = String.format(Locale.ROOT, "[%.3f, %.3f%s", bin.lower(), bin.upper(),
                    b == c.bins().size() - 1 ? "]" : ")");
            if (bin.count() == 0) {
                out.printf(Locale.ROOT, "%-16s %9d %9s %9s %7s%n", range, 0, "-", "-", "-");
            } else {
                out.printf(Locale.ROOT, "%-16s %9d %9.3f %9.3f %7.3f%n", range, bin.count(), bin.meanConfidence(),
                        bin.accuracy(), bin.gap());
            }
        }
    }

    private int compare(ModelBundle first, ModelBundle second, Dataset dataset, Evaluation firstEvaluation, PrintWriter out)
            throws Exception {
        Evaluation secondEvaluation = Evaluator.evaluate(second, dataset.test());
        List<String> truth = dataset.test().stream().map(LabeledDocument::label).toList();
        Comparison c = Comparison.of(truth, Evaluator.predictions(first, dataset.test()),
                Evaluator.predictions(second, dataset.test()));
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("split", dataset.name());
            report.put("first", Map.of("model", modelOf(first), "evaluation", firstEvaluation));
            report.put("second", Map.of("model", modelOf(second), "evaluation", secondEvaluation));
            report.put("comparison", c);
            report.put("significant", c.significant());
            out.println(JSON.writeValueAsString(report));
            return 0;
        }
        out.printf(Locale.ROOT, "%s test: %d documents%n", dataset.name(), c.documents());
        for (var m : List.of(Map.entry(first, firstEvaluation), Map.entry(second, secondEvaluation))) {
            out.printf(Locale.ROOT, "  %s@%s (id %s): accuracy %.4f  macro-F1 %.4f  abstained %d%n", m.getKey().name(),
                    m.getKey().version(), m.getKey().id(), m.getValue().accuracy(), m.getValue().macroF1(),
                    m.getValue().abstained());
        }
        out.printf(Locale.ROOT, "both right %d, only the first %d, only the second %d, both wrong %d; same topic %d of %d%n",
                c.bothRight(), c.onlyFirst(), c.onlySecond(), c.bothWrong(), c.agreements(), c.documents());
        out.printf(Locale.ROOT, "McNemar chi-square %.2f: the difference is %s at the 5 %% level%n", c.mcNemarChiSquare(),
                c.significant() ? "significant" : "not significant");
        return 0;
    }

    private static Map<String, String> modelOf(ModelBundle bundle) {
        Map<String, String> model = new LinkedHashMap<>();
        model.put("name", bundle.name());
        model.put("version", bundle.version());
        model.put("id", bundle.id());
        return model;
    }
}
