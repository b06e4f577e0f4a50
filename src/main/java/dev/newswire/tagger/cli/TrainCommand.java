package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.NewswireException;
import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.stream.PublishOptions;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.train.Evaluation;
import dev.newswire.tagger.train.Trainer;
import dev.newswire.tagger.train.TrainerOptions;
import dev.newswire.tagger.train.TrainingPlots;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: trains a model bundle and writes its report and plots. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a Reuters split or your own labeled articles; write the bundle, report.json, loss.png, accuracy.png.",
            "With --publish, then publish the bundle to the model topic as the publish command does."})
final class TrainCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The Keras example's hold-out, used for the Reuters splits. */
    static final int REUTERS_VALIDATION_SIZE = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Option(names = "--output", defaultValue = "newswire-model.zip", description = "Bundle to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--report-dir", description = "Where report.json and the plots go (default: <output>-report next to the bundle).")
    Path reportDir;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs at most (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--hidden", split = ",", defaultValue = "64,64", description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--vocab-size", defaultValue = "10000", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocabularySize;

    @Option(names = "--features", defaultValue = "binary", description = "binary (multi-hot) or tfidf (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", defaultValue = "512", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "RMSProp learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--validation-size", defaultValue = "auto", paramLabel = "N|auto",
            description = "First N training documents held out for validation; auto: 1000 for the Reuters splits, "
                    + "10 %% of the training part (at least 1) for --train/--data (default: ${DEFAULT-VALUE}).")
    String validationSize;

    @Option(names = "--name", defaultValue = "newswire-mlp", description = "Model name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--model-version", defaultValue = "1", description = "Model version (default: ${DEFAULT-VALUE}).")
    String version;

    @ArgGroup(exclusive = false, heading = "%nPublishing the bundle to the model topic when trained:%n")
    Publishing publishing;

    /** {@code --publish} with where to and how; all or nothing. */
    static final class Publishing {
        @Option(names = "--publish", required = true,
                description = "Publish the bundle when trained, as the publish command does.")
        boolean publish;

        @ArgGroup(exclusive = false, multiplicity = "1")
        ModelTopicOptions topic;

        @ArgGroup(exclusive = false)
        PublishFlags flags;
    }

    @Override
    public Integer call() throws Exception {
        data.validate(spec);
        Integer explicitValidationSize = parseValidationSize();
        Path reports = reportDir != null ? reportDir : defaultReportDir(output);
        checkOutputs(reports);
        PublishFlags publishFlags = publishing == null ? null
                : publishing.flags == null ? new PublishFlags() : publishing.flags;
        PublishOptions publishOptions = publishFlags == null ? null : publishFlags.options(spec);
        // Load the signing key before training: a bad key file should not cost a training run.
        KeyPair signingKey;
        try {
            signingKey = publishFlags == null ? null : publishFlags.signingKey();
        } catch (NewswireException | IOException e) {
            return CommandFailures.fail(spec, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Dataset dataset = data.load(spec);
        int heldOut = validationSize(explicitValidationSize, data.usesOwnData(), dataset.train().size());
        TrainerOptions options = new TrainerOptions("keras-example", hidden, epochs, vocabularySize,
                FeatureWeighting.parse(features), seed, batchSize, learningRate, heldOut, name, version);
        out.printf(Locale.ROOT, "Training on %s (%s text): %d training documents (%d to fit, %d held out for validation), "
                + "%d test, %d topics%n", dataset.name(), data.textSourceName(), dataset.train().size(),
                Math.max(0, dataset.train().size() - heldOut), heldOut, dataset.test().size(), dataset.labels().size());
        out.flush();
        Trainer.Result result = new Trainer(options, Clock.systemUTC()).train(dataset, data.textSourceName(), e -> {
            out.printf(Locale.ROOT, "epoch %2d/%d  loss %.4f  acc %.4f  val_loss %.4f  val_acc %.4f  (%.1f s)%n",
                    e.epoch(), epochs, e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), e.seconds());
            out.flush();
        });
        ModelBundles.write(output, result.manifest(), result.vocabulary(), result.network());
        Files.createDirectories(reports);
        JSON.writeValue(reports.resolve("report.json").toFile(), result.report());
        TrainingPlots.write(result.report().epochs(), reports);
        Evaluation test = result.report().test();
        out.printf(Locale.ROOT, "best epoch %d (val_loss %.4f); training took %.1f s%n", result.report().bestEpoch(),
                result.manifest().testMetrics().get("validationLoss"), result.report().trainingSeconds());
        out.printf(Locale.ROOT, "test accuracy %.4f  macro-F1 %.4f  (%d documents, %d abstained)%n",
                test.accuracy(), test.macroF1(), test.documents(), test.abstained());
        out.printf(Locale.ROOT, "wrote %s (%d bytes) and %s%n", output, Files.size(output), reports);
        out.flush();
        if (publishing == null) {
            return 0;
        }
        return CommandFailures.run(spec, () ->
                PublishCommand.publish(spec, output, publishing.topic, signingKey, publishOptions));
    }

    /** The --validation-size number, or null for auto. */
    private Integer parseValidationSize() {
        if (validationSize.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            int n = Integer.parseInt(validationSize.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(),
                "--validation-size must be auto or a number of documents >= 1, got '" + validationSize + "'");
    }

    /**
     * How many training documents are held out: the explicit number, else 1,000 (the Keras example's) for a
     * Reuters split, 10 % of the training part (at least 1) for the user's own data.
     */
    static int validationSize(Integer explicit, boolean ownData, int trainingDocuments) {
        if (explicit != null) {
            return explicit;
        }
        return ownData ? Math.max(1, trainingDocuments / 10) : REUTERS_VALIDATION_SIZE;
    }

    /** Refuses, before training, a bundle path or report folder that could not be written. */
    private void checkOutputs(Path reports) {
        CommandLine cl = spec.commandLine();
        if (Files.isDirectory(output)) {
            throw new ParameterException(cl, "--output " + output + " is a folder; give the bundle's file name, e.g. "
                    + output.resolve("model.zip"));
        }
        checkFolderCanBeMade(cl, "--output", output.toAbsolutePath().getParent());
        String reportOption = reportDir != null ? "--report-dir" : "the report folder (--report-dir default)";
        if (Files.exists(reports) && !Files.isDirectory(reports)) {
            throw new ParameterException(cl, reportOption + " " + reports + " is a file, not a folder");
        }
        checkFolderCanBeMade(cl, reportOption, reports.toAbsolutePath());
    }

    /** {@code folder} exists or can be created, and is writable: its nearest existing ancestor is a writable folder. */
    private static void checkFolderCanBeMade(CommandLine cl, String option, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new ParameterException(cl, option + ": cannot create the folder " + folder + ": "
                    + (existing == null ? "no existing parent" : existing + " is a file"));
        }
        if (!Files.isWritable(existing)) {
            throw new ParameterException(cl, option + ": the folder " + existing + " is not writable");
        }
    }

    private static Path defaultReportDir(Path bundle) {
        String file = bundle.getFileName().toString();
        String stem = file.endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
        Path parent = bundle.toAbsolutePath().getParent();
        return parent.resolve(stem + "-report");
    }
}
