package dev.newswire.tagger.cli;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.JsonLinesDataset;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which data a command trains or evaluates on: a named Reuters split, or the user's JSON lines. */
final class DatasetOptions {

    @Option(names = "--split", defaultValue = "keras46",
            description = "Reuters split: keras46, r8 or r52 (default: ${DEFAULT-VALUE}); ignored with --train/--data.")
    String split;

    @Option(names = "--text", defaultValue = "own",
            description = "keras46 text: own (title and body) or keras (the Keras dataset's own text). Default: ${DEFAULT-VALUE}.")
    String text;

    @Option(names = "--corpus", description = "Reuters-21578 directory or reuters21578.tar.gz "
            + "(default: $NEWSWIRE_REUTERS_DIR, else ../shared/data/reuters21578).")
    Path corpus;

    @Option(names = "--train", description = "Your own training data: JSON lines with text (or headline/body) and label.")
    Path trainFile;

    @Option(names = "--test", description = "Your own test data (JSON lines), with --train.")
    Path testFile;

    @Option(names = "--data", description = "Your own data in one JSON-lines file, split with --test-fraction.")
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

    /** The name recorded in a manifest for the text source. */
    String textSourceName() {
        return usesOwnData() ? "jsonl" : textSource().name().toLowerCase(Locale.ROOT);
    }

    boolean usesOwnData() {
        return trainFile != null || dataFile != null;
    }

    /** Loads the data; errors name what is missing or wrong. */
    Dataset load(picocli.CommandLine.Model.CommandSpec spec) throws IOException {
        if (trainFile != null) {
            if (testFile == null) {
                throw new ParameterException(spec.commandLine(), "--train needs --test (or use --data with --test-fraction)");
            }
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
