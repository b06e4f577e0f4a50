package dev.newswire.tagger.train;

import dev.newswire.tagger.text.FeatureSpec;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.train.TrainerOptions.Optimizer;
import dev.newswire.tagger.train.TrainerOptions.Selection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Named, versioned training presets ({@code train --recipe NAME}). A recipe's name and version go into the
 * bundle's manifest with every setting it decided; a recipe's settings never change under the same version.
 * The validation part is always carved from the training documents (the first {@code validationSize}), never
 * from the test part, and {@code best} was chosen on validation accuracy alone (see {@code ACCURACY.md}).
 */
public enum Recipe {

    /** The Keras Reuters example: binary 10k words, Dense 64-64, RMSProp 0.001, batch 512, best-val-loss epoch of 20. */
    SEED("seed", 1, FeatureSpec.of(FeatureWeighting.BINARY), 10_000, List.of(64, 64), 0.0, Optimizer.RMSPROP,
            0.001, 1.0, 512, 20, 0, Selection.VAL_LOSS),
    /**
     * Sublinear TF-IDF ({@code (1 + ln tf) * idf}), L2-normalised, 10k words, one wide hidden layer of 256 with
     * dropout 0.5, Adam 0.001 decaying by 0.9 per epoch, batch 64, up to 15 epochs with patience 3, the epoch
     * of the best validation accuracy kept.
     */
    WIDE("wide", 1, new FeatureSpec(FeatureWeighting.TFIDF, true, 1), 10_000, List.of(256), 0.5, Optimizer.ADAM,
            0.001, 0.9, 64, 15, 3, Selection.VAL_ACCURACY),
    /** As {@link #WIDE} with word bigrams among the features and 20k terms (words and bigrams) to hold them. */
    WIDE_BIGRAMS("wide-bigrams", 1, new FeatureSpec(FeatureWeighting.TFIDF, true, 2), 20_000, List.of(256), 0.5,
            Optimizer.ADAM, 0.001, 0.9, 64, 15, 3, Selection.VAL_ACCURACY),
    /**
     * As {@link #WIDE}, trained harder: Adam at 0.003 (decaying by 0.9 per epoch), up to 30 epochs with patience 4.
     * {@code wide} was still gaining validation accuracy at its last epoch on every split; this converges.
     */
    WIDE_TUNED("wide-tuned", 1, new FeatureSpec(FeatureWeighting.TFIDF, true, 1), 10_000, List.of(256), 0.5,
            Optimizer.ADAM, 0.003, 0.9, 64, 30, 4, Selection.VAL_ACCURACY),
    /**
     * As {@link #WIDE_TUNED} with a hidden layer of 128: half the weights (a bundle of about 5 MB on 10k words), for
     * a model small enough to ship inside the jar.
     */
    COMPACT("compact", 1, new FeatureSpec(FeatureWeighting.TFIDF, true, 1), 10_000, List.of(128), 0.5,
            Optimizer.ADAM, 0.003, 0.9, 64, 30, 4, Selection.VAL_ACCURACY);

    /** The name that resolves to the recipe of the best validation accuracy found (see {@link #best()}). */
    public static final String BEST = "best";

    private final String id;
    private final int version;
    private final FeatureSpec features;
    private final int vocabularySize;
    private final List<Integer> hiddenSizes;
    private final double dropout;
    private final Optimizer optimizer;
    private final double learningRate;
    private final double learningRateDecay;
    private final int batchSize;
    private final int maxEpochs;
    private final int patience;
    private final Selection selection;

    Recipe(String id, int version, FeatureSpec features, int vocabularySize, List<Integer> hiddenSizes, double dropout,
           Optimizer optimizer, double learningRate, double learningRateDecay, int batchSize, int maxEpochs,
           int patience, Selection selection) {
        this.id = id;
        this.version = version;
        this.features = features;
        this.vocabularySize = vocabularySize;
        this.hiddenSizes = hiddenSizes;
        this.dropout = dropout;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.learningRateDecay = learningRateDecay;
        this.batchSize = batchSize;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.selection = selection;
    }

    /** The name used on the command line and in manifests. */
    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    /** The recipe's settings for a run, with the data-dependent hold-out and the model's name and version. */
    public TrainerOptions options(int validationSize, String modelName, String modelVersion) {
        return options(validationSize, modelName, modelVersion, 42L);
    }

    /** As {@link #options(int, String, String)} with another seed. */
    public TrainerOptions options(int validationSize, String modelName, String modelVersion, long seed) {
        return new TrainerOptions(id, version, features, vocabularySize, hiddenSizes, dropout, optimizer, learningRate,
                learningRateDecay, batchSize, maxEpochs, patience, selection, seed, validationSize, modelName,
                modelVersion);
    }

    /**
     * The recipe {@code best} stands for: the one with the highest validation accuracy in the runs of
     * {@code ACCURACY.md} (validation parts carved from the training documents; test accuracy played no part).
     * Manifests record the recipe's own name.
     */
    public static Recipe best() {
        return WIDE_TUNED;
    }

    /** The recipe named {@code name} (any case), {@value #BEST} included; the message lists the names otherwise. */
    public static Recipe byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(BEST)) {
            return best();
        }
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown recipe '" + name + "'; valid: " + names()));
    }

    /** The recipes' names and {@value #BEST}, comma-separated. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Recipe::id).toList()) + ", " + BEST;
    }
}
