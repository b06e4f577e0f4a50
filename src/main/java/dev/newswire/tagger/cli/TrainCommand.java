package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.NewswireException;
import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.MultiLabelDataset;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.stream.PublishOptions;
import dev.newswire.tagger.text.FeatureSpec;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.train.Calibration;
import dev.newswire.tagger.train.Evaluation;
import dev.newswire.tagger.train.EvaluationPlots;
import dev.newswire.tagger.train.MultiLabelEpochMetrics;
import dev.newswire.tagger.train.MultiLabelTrainer;
import dev.newswire.tagger.train.MultiLabelTrainingReport;
import dev.newswire.tagger.train.Recipe;
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
        description = {"Train a model on a Reuters split or your own labeled articles; write the bundle, report.json, loss.png, accuracy.png, confusion-matrix.png, reliability.png.",
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

    @Option(names = "--recipe", defaultValue = "seed", paramLabel = "NAME",
            description = "Training preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; best: the recipe of "
                    + "the best validation accuracy, see ACCURACY.md); the options below override single settings of "
                    + "it (the manifest then records the recipe as NAME+custom).",
            completionCandidates = RecipeNames.class)
    String recipe;

    @Option(names = "--epochs", description = "Epochs at most.")
    Integer epochs;

    @Option(names = "--hidden", split = ",", description = "Hidden layer sizes, e.g. 128,64.")
    List<Integer> hidden;

    @Option(names = "--vocab-size", description = "Vocabulary size (words and, with bigrams, word pairs).")
    Integer vocabularySize;

    @Option(names = "--features", description = "binary (multi-hot) or tfidf (sublinear: (1 + ln tf) * idf).")
    String features;

    @Option(names = "--l2", negatable = true, description = "Scale every input vector to unit length (--no-l2: do not).")
    Boolean l2;

    @Option(names = "--bigrams", negatable = true, description = "Word bigrams as features too (--no-bigrams: words only).")
    Boolean bigrams;

    @Option(names = "--dropout", description = "Probability of dropping a hidden unit while training, 0 to <1.")
    Double dropout;

    @Option(names = "--optimizer", description = "rmsprop or adam.")
    String optimizer;

    @Option(names = "--learning-rate", description = "Initial learning rate.")
    Double learningRate;

    @Option(names = "--lr-decay", description = "Learning rate multiplied by this after each epoch, (0, 1]; 1 = constant.")
    Double learningRateDecay;

    @Option(names = "--batch-size", description = "Mini-batch size.")
    Integer batchSize;

    @Option(names = "--patience", description = "Stop after N epochs without a better validation score; 0 = never.")
    Integer patience;

    @Option(names = "--selection", description = "val-loss or val-accuracy: which validation score picks the kept epoch.")
    String selection;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of initialisation, dropout and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

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
        options(1); // refuses an unknown recipe or a bad setting before the data is read
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
        if (data.multiLabel()) {
            return trainMultiLabel(out, explicitValidationSize, reports, signingKey, publishOptions);
        }
        Dataset dataset = data.load(spec);
        int heldOut = validationSize(explicitValidationSize, data.usesOwnData(), dataset.train().size());
        checkHeldOut(heldOut, dataset.train().size());
        TrainerOptions options = options(heldOut);
        out.printf(Locale.ROOT, "Recipe %s (version %d): %s features, %d words, hidden %s, dropout %s, %s lr %s "
                + "(x%s per epoch), batch %d, up to %d epochs (patience %d), kept epoch by %s, seed %d%n",
                options.recipe(), options.recipeVersion(), options.features().id(), options.vocabularySize(),
                options.hiddenSizes(), options.dropout(), options.optimizer().id(), options.learningRate(),
                options.learningRateDecay(), options.batchSize(), options.maxEpochs(), options.patience(),
                options.selection().id(), options.seed());
        out.printf(Locale.ROOT, "Training on %s (%s text): %d training documents (%d to fit, %d held out for validation), "
                + "%d test, %d topics%n", dataset.name(), data.textSourceName(), dataset.train().size(),
                Math.max(0, dataset.train().size() - heldOut), heldOut, dataset.test().size(), dataset.labels().size());
        out.flush();
        Trainer.Result result = new Trainer(options, Clock.systemUTC()).train(dataset, data.textSourceName(), e -> {
            out.printf(Locale.ROOT, "epoch %2d/%d  loss %.4f  acc %.4f  val_loss %.4f  val_acc %.4f  (%.1f s)%n",
                    e.epoch(), options.maxEpochs(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), e.seconds());
            out.flush();
        });
        ModelBundles.write(output, result.manifest(), result.vocabulary(), result.network());
        Files.createDirectories(reports);
        JSON.writeValue(reports.resolve("report.json").toFile(), result.report());
        TrainingPlots.write(result.report().epochs(), reports);
        EvaluationPlots.write(result.report().test().confusionMatrix(), result.report().testCalibration(), reports);
        Evaluation test = result.report().test();
        out.printf(Locale.ROOT, "best epoch %d of %d trained (val_loss %.4f, val_acc %.4f); training took %.1f s%n",
                result.report().bestEpoch(), result.report().epochs().size(),
                result.manifest().testMetrics().get("validationLoss"),
                result.manifest().testMetrics().get("validationAccuracy"), result.report().trainingSeconds());
        out.printf(Locale.ROOT, "test accuracy %.4f  macro-F1 %.4f  (%d documents, %d abstained)%n",
                test.accuracy(), test.macroF1(), test.documents(), test.abstained());
        Calibration calibration = result.report().testCalibration();
        out.printf(Locale.ROOT, "test calibration: ECE %.4f  MCE %.4f  (%d scored, %d bins)%n",
                calibration.expectedCalibrationError(), calibration.maximumCalibrationError(), calibration.scored(),
                calibration.bins().size());
        return wroteAndPublish(out, reports, signingKey, publishOptions);
    }

    /**
     * Trains a multi-label model ({@code --split modapte90}): the recipe's settings, sigmoid outputs, thresholds tuned
     * on the validation part; writes the bundle, report.json and the plots (the "accuracy" curve is micro-F1 at
     * threshold 0.5) and publishes as for a single-label model.
     */
    private int trainMultiLabel(PrintWriter out, Integer explicitValidationSize, Path reports, KeyPair signingKey,
                                PublishOptions publishOptions) throws Exception {
        if (selection != null) {
            throw new ParameterException(spec.commandLine(), "--selection does not apply to --split " + data.split
                    + ": a multi-label model keeps the epoch of the best validation micro-F1");
        }
        MultiLabelDataset dataset = data.loadMultiLabel(spec);
        int heldOut = validationSize(explicitValidationSize, false, dataset.train().size());
        checkHeldOut(heldOut, dataset.train().size());
        TrainerOptions options = options(heldOut);
        out.printf(Locale.ROOT, "Recipe %s (version %d), multi-label (sigmoid outputs, binary cross-entropy, kept epoch by "
                + "%s, per-topic thresholds tuned on validation): %s features, %d words, hidden %s, dropout %s, %s lr %s "
                + "(x%s per epoch), batch %d, up to %d epochs (patience %d), seed %d%n", options.recipe(),
                options.recipeVersion(), MultiLabelTrainer.SELECTION, options.features().id(), options.vocabularySize(),
                options.hiddenSizes(), options.dropout(), options.optimizer().id(), options.learningRate(),
                options.learningRateDecay(), options.batchSize(), options.maxEpochs(), options.patience(), options.seed());
        out.printf(Locale.ROOT, "Training on %s: %d training documents (%d to fit, %d held out for validation), %d test, "
                + "%d topics%n", dataset.name(), dataset.train().size(), Math.max(0, dataset.train().size() - heldOut),
                heldOut, dataset.test().size(), dataset.labels().size());
        out.flush();
        MultiLabelTrainer.Result result = new MultiLabelTrainer(options, Clock.systemUTC()).train(dataset, e -> {
            out.printf(Locale.ROOT, "epoch %2d/%d  loss %.4f  micro-F1 %.4f  val_loss %.4f  val_micro-F1 %.4f  (%.1f s)%n",
                    e.epoch(), options.maxEpochs(), e.trainLoss(), e.trainMicroF1(), e.validationLoss(),
                    e.validationMicroF1(), e.seconds());
            out.flush();
        });
        ModelBundles.write(output, result.manifest(), result.vocabulary(), result.network());
        Files.createDirectories(reports);
        JSON.writeValue(reports.resolve("report.json").toFile(), result.report());
        TrainingPlots.write(result.report().epochs().stream().map(MultiLabelEpochMetrics::asPlotted).toList(), reports);
        MultiLabelTrainingReport report = result.report();
        out.printf(Locale.ROOT, "best epoch %d of %d trained; thresholds tuned on validation: %d topics with their own, "
                + "the rest %.2f; validation micro-F1 %.4f; training took %.1f s%n", report.bestEpoch(),
                report.epochs().size(), report.topicsWithOwnThreshold(), report.globalThreshold(),
                report.validationMicroF1(), report.trainingSeconds());
        MultiLabelReports.printSummary(out, report.test());
        return wroteAndPublish(out, reports, signingKey, publishOptions);
    }

    /** Says what was written and, with {@code --publish}, publishes the bundle; the command's exit code. */
    private int wroteAndPublish(PrintWriter out, Path reports, KeyPair signingKey, PublishOptions publishOptions)
            throws IOException {
        out.printf(Locale.ROOT, "wrote %s (%d bytes) and %s%n", output, Files.size(output), reports);
        out.flush();
        if (publishing == null) {
            return 0;
        }
        return CommandFailures.run(spec, () ->
                PublishCommand.publish(spec, output, publishing.topic, signingKey, publishOptions));
    }

    /** The recipe's settings with the options given on the command line instead of its own; usage errors named. */
    private TrainerOptions options(int heldOut) {
        Recipe base;
        try {
            base = Recipe.byName(recipe);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--recipe: " + e.getMessage());
        }
        TrainerOptions r = base.options(heldOut, name, version, seed);
        boolean custom = epochs != null || hidden != null || vocabularySize != null || features != null || l2 != null
                || bigrams != null || dropout != null || optimizer != null || learningRate != null
                || learningRateDecay != null || batchSize != null || patience != null || selection != null;
        try {
            FeatureSpec featureSpec = new FeatureSpec(
                    features == null ? r.weighting() : FeatureWeighting.parse(features),
                    l2 == null ? r.features().l2Normalized() : l2,
                    bigrams == null ? r.features().maxNgram() : bigrams ? 2 : 1);
            return new TrainerOptions(custom ? r.recipe() + "+custom" : r.recipe(), r.recipeVersion(), featureSpec,
                    orElse(vocabularySize, r.vocabularySize()), orElse(hidden, r.hiddenSizes()),
                    orElse(dropout, r.dropout()),
                    optimizer == null ? r.optimizer() : TrainerOptions.Optimizer.parse(optimizer),
                    orElse(learningRate, r.learningRate()), orElse(learningRateDecay, r.learningRateDecay()),
                    orElse(batchSize, r.batchSize()), orElse(epochs, r.maxEpochs()), orElse(patience, r.patience()),
                    selection == null ? r.selection() : TrainerOptions.Selection.parse(selection),
                    seed, heldOut, name, version);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static <T> T orElse(T option, T recipeValue) {
        return option != null ? option : recipeValue;
    }

    /** The recipe names, for --recipe's help. */
    static final class RecipeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.asList(Recipe.names().split(", ")).iterator();
        }
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

    /** Refuses, before training, a validation part that would leave nothing to fit. */
    private void checkHeldOut(int heldOut, int trainingDocuments) {
        if (heldOut >= trainingDocuments) {
            throw new ParameterException(spec.commandLine(), "--validation-size " + heldOut + " leaves nothing to fit: "
                    + "the training part has " + trainingDocuments + " documents");
        }
    }

    /** Refuses, before training, a bundle path or report folder that could not be written. */
    private void checkOutputs(Path reports) {
        CommandLine cl = spec.commandLine();
        if (Files.isDirectory(output)) {
            throw new ParameterException(cl, "--output " + output + " is a folder; give the bundle's file name, e.g. "
                    + output.resolve("model.zip"));
        }
        OutputFolders.checkCanBeMade(cl, "--output", output.toAbsolutePath().getParent());
        String reportOption = reportDir != null ? "--report-dir" : "the report folder (--report-dir default)";
        OutputFolders.checkFolder(cl, reportOption, reports);
    }

    private static Path defaultReportDir(Path bundle) {
        String file = bundle.getFileName().toString();
        String stem = file.endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
        Path parent = bundle.toAbsolutePath().getParent();
        return parent.resolve(stem + "-report");
    }
}
