package dev.newswire.tagger.cli;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.JsonLinesDataset;
import dev.newswire.tagger.data.MultiLabelDataset;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Which data a command trains or evaluates on: a named Reuters split, or the user's JSON lines. */
final class DatasetOptions {

    @Option(names = "--split", defaultValue = "keras46",
            description = "Reuters split: keras46, r8, r52 or modapte90 (multi-label) (default: ${DEFAULT-VALUE}); not with --train/--data.")
    String split;

    @Option(names = "--text", defaultValue = "own",
            description = "keras46 text: own (title and body) or keras (the Keras dataset's own text; keras46 only). Default: ${DEFAULT-VALUE}.")
    String text;

    @Option(names = "--corpus", description = "Reuters-21578 directory or reuters21578.tar.gz "
            + "(default: $NEWSWIRE_REUTERS_DIR, else ../shared/data/reuters21578).")
    Path corpus;

    @Option(names = "--train", description = "Your own training data: JSON lines with text (or headline/body) and label.")
    Path trainFile;

    @Option(names = "--test", description = "Your own test data (JSON lines); needs --train.")
    Path testFile;

    @Option(names = "--data", description = "Your own data in one JSON-lines file, split with --test-fraction; not with --train/--test.")
    Path dataFile;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Test share of --data (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--split-seed", defaultValue = "113", description = "Seed of the --data split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    /** The text source named by --text. */
    TextSource textSource() {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "own" -> TextSource.OWN;
            case "keras" -> TextSource.KERAS;
            default -> throw new IllegalArgumentException("--text must be own or keras, got '" + text + "'");
        };
    }

    /**
     * Refuses options that contradict each other or would be ignored, as usage errors: {@code --test} without
     * {@code --train}, {@code --data} with {@code --train}/{@code --test}, {@code --text keras} other than with the
     * keras46 split, Reuters options with own data, {@code --data} options without it.
     */
    void validate(CommandSpec spec) {
        CommandLine cl = spec.commandLine();
        ParseResult parsed = cl.getParseResult();
        if (dataFile != null && (trainFile != null || testFile != null)) {
            throw new ParameterException(cl, "--data cannot be combined with --train or --test: use --data (split with "
                    + "--test-fraction) or --train with --test");
        }
        if (testFile != null && trainFile == null) {
            throw new ParameterException(cl, "--test needs --train (or use --data with --test-fraction)");
        }
        if (trainFile != null && testFile == null) {
            throw new ParameterException(cl, "--train needs --test (or use --data with --test-fraction)");
        }
        if (!text.equalsIgnoreCase("own") && !text.equalsIgnoreCase("keras")) {
            throw new ParameterException(cl, "--text must be own or keras, got '" + text + "'");
        }
        if (usesOwnData()) {
            String own = trainFile != null ? "--train" : "--data";
            for (String reutersOption : List.of("--split", "--corpus")) {
                if (parsed.hasMatchedOption(reutersOption)) {
                    throw new ParameterException(cl, reutersOption + " is for the Reuters splits; it cannot be combined with " + own);
                }
            }
            if (textSource() == TextSource.KERAS) {
                throw new ParameterException(cl, "--text keras is for the keras46 split; it cannot be combined with " + own);
            }
        } else {
            if (!Splits.NAMES.contains(split.strip().toLowerCase(Locale.ROOT)) && !Splits.isMultiLabel(split)) {
                throw new ParameterException(cl, "--split must be one of " + String.join(", ", Splits.NAMES) + ", "
                        + String.join(", ", Splits.MULTI_LABEL_NAMES) + ", got '" + split + "'");
            }
            if (textSource() == TextSource.KERAS && !split.strip().equalsIgnoreCase(Splits.KERAS46)) {
                throw new ParameterException(cl, "--text keras is for the keras46 split only, not " + split);
            }
        }
        if (dataFile == null) {
            for (String dataOption : List.of("--test-fraction", "--split-seed")) {
                if (parsed.hasMatchedOption(dataOption)) {
                    throw new ParameterException(cl, dataOption + " applies to --data only");
                }
            }
        }
    }

    /** The name recorded in a manifest for the text source. */
    String textSourceName() {
        return usesOwnData() ? "jsonl" : textSource().name().toLowerCase(Locale.ROOT);
    }

    boolean usesOwnData() {
        return trainFile != null || dataFile != null;
    }

    /** Whether the data is a multi-label Reuters split (load it with {@link #loadMultiLabel}). */
    boolean multiLabel() {
        return !usesOwnData() && Splits.isMultiLabel(split);
    }

    /** Loads the multi-label split (after {@link #validate}, when {@link #multiLabel()}). */
    MultiLabelDataset loadMultiLabel(CommandSpec spec) throws IOException {
        return Splits.multiLabelByName(split, ReutersCorpus.read(corpusDirectory(spec)));
    }

    private Path corpusDirectory(CommandSpec spec) {
        return corpus != null ? corpus : ReutersCorpus.locate().orElseThrow(() -> new ParameterException(
                spec.commandLine(), "Reuters-21578 corpus not found: pass --corpus DIR or set NEWSWIRE_REUTERS_DIR"));
    }

    /** Loads the data (after {@link #validate}); errors name what is missing or wrong. */
    Dataset load(CommandSpec spec) throws IOException {
        if (trainFile != null) {
            return JsonLinesDataset.read(name(trainFile), trainFile, testFile);
        }
        if (dataFile != null) {
            return JsonLinesDataset.readWithSplit(name(dataFile), dataFile, testFraction, splitSeed);
        }
        Path dir = corpus != null ? corpus : ReutersCorpus.locate().orElseThrow(() -> new ParameterException(
                spec.commandLine(), "Reuters-21578 corpus not found: pass --corpus DIR or set NEWSWIRE_REUTERS_DIR"));
        return Splits.byName(split, ReutersCorpus.read(dir), textSource());
    }

    private static String name(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
