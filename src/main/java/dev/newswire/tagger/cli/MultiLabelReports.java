package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.data.MultiLabelDataset;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.train.MultiLabelEvaluation;
import dev.newswire.tagger.train.MultiLabelEvaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The multi-label side of {@code evaluate} and {@code train}: loading, then printing {@link MultiLabelEvaluation}s. */
final class MultiLabelReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MultiLabelReports() {
    }

    /** {@code evaluate --split modapte90 --model F.zip [--json]}: a multi-label bundle on the split's test part. */
    static int evaluate(CommandSpec spec, DatasetOptions data, Path model, Path compare, boolean json) throws Exception {
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "--split " + data.split
                    + " is multi-label: give a multi-label model with --model (the embedded model is single-label)");
        }
        if (compare != null) {
            throw new ParameterException(spec.commandLine(), "--compare is for single-label splits only");
        }
        ModelBundle bundle = ModelBundles.read(model);
        if (!bundle.multiLabel()) {
            throw new ParameterException(spec.commandLine(), model + " is a single-label model; --split " + data.split
                    + " needs a multi-label one (train --split " + data.split + ")");
        }
        MultiLabelDataset dataset = data.loadMultiLabel(spec);
        MultiLabelEvaluation evaluation = MultiLabelEvaluator.evaluate(bundle, dataset.test());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("model", Map.of("name", bundle.name(), "version", bundle.version(), "id", bundle.id(),
                    "kind", bundle.manifest().kind().id()));
            report.put("split", dataset.name());
            report.put("evaluation", evaluation);
            out.println(JSON.writeValueAsString(report));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "model %s@%s (id %s, multi-label) on %s test: %d documents%n", bundle.name(),
                bundle.version(), bundle.id(), dataset.name(), evaluation.documents());
        printSummary(out, evaluation);
        printPerTopic(out, evaluation);
        out.flush();
        return 0;
    }

    /** The headline figures, two lines. */
    static void printSummary(PrintWriter out, MultiLabelEvaluation e) {
        out.printf(Locale.ROOT, "test micro-F1 %.4f  macro-F1 %.4f  micro-precision %.4f  micro-recall %.4f%n",
                e.microF1(), e.macroF1(), e.microPrecision(), e.microRecall());
        out.printf(Locale.ROOT, "subset accuracy %.4f (%d of %d documents with exactly their topics)  abstained %d%n",
                e.subsetAccuracy(), e.exactMatches(), e.documents(), e.abstained());
    }

    /** One line per topic that occurs in the truth or the predictions. */
    static void printPerTopic(PrintWriter out, MultiLabelEvaluation e) {
        out.printf(Locale.ROOT, "%n%-16s %9s %9s %9s %8s %9s%n", "topic", "precision", "recall", "f1", "support", "predicted");
        for (MultiLabelEvaluation.TopicMetrics t : e.perTopic()) {
            if (t.support() > 0 || t.predicted() > 0) {
                out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %8d %9d%n", t.topic(), t.precision(), t.recall(),
                        t.f1(), t.support(), t.predicted());
            }
        }
    }
}
