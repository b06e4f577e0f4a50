package dev.newswire.tagger.train;

import dev.newswire.tagger.text.FeatureSpec;
import dev.newswire.tagger.text.FeatureWeighting;
import java.util.List;
import java.util.Locale;

/**
 * Everything that decides a training run; {@link Recipe}s are named presets of it. {@link #kerasExample()} is
 * the classic Keras Reuters example (the {@code seed} recipe): 10,000 words, multi-hot input, Dense 64 → Dense 64
 * → softmax, RMSProp lr 0.001, batch 512, the first 1,000 training documents held out for validation, up to 20
 * epochs keeping the one with the best validation loss.
 *
 * @param recipe            the recipe's name, recorded in the manifest
 * @param recipeVersion     the recipe's version, recorded in the manifest
 * @param features          how texts become vectors (weighting, L2 normalisation, bigrams)
 * @param dropout           probability of dropping each hidden unit's output while training; 0 for none
 * @param optimizer         the gradient updater
 * @param learningRate      the initial learning rate
 * @param learningRateDecay the learning rate is multiplied by this after every epoch; 1 keeps it constant
 * @param patience          stop after this many epochs without a better validation score; 0 never stops early
 * @param selection         which validation score picks the epoch whose weights are kept
 * @param validationSize    the first this many training documents are held out for validation (never the test part)
 */
public record TrainerOptions(String recipe, int recipeVersion, FeatureSpec features, int vocabularySize,
                             List<Integer> hiddenSizes, double dropout, Optimizer optimizer, double learningRate,
                             double learningRateDecay, int batchSize, int maxEpochs, int patience,
                             Selection selection, long seed, int validationSize, String modelName,
                             String modelVersion) {

    /** The gradient updaters a recipe can use. */
    public enum Optimizer {
        /** RMSProp with Keras' defaults (rho 0.9, epsilon 1e-7). */
        RMSPROP,
        /** Adam with the usual defaults (beta1 0.9, beta2 0.999, epsilon 1e-8). */
        ADAM;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code rmsprop} or {@code adam} (any case). */
        public static Optimizer parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown optimizer '" + value + "'; valid: rmsprop, adam", e);
            }
        }
    }

    /** Which validation score decides the kept epoch (and, with patience, when to stop). */
    public enum Selection {
        /** The lowest validation loss. */
        VAL_LOSS,
        /** The highest validation accuracy; equal accuracies go to the lower loss. */
        VAL_ACCURACY;

        /** {@code val-loss} or {@code val-accuracy}, as in manifests and on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Selection parse(String value) {
            for (Selection s : values()) {
                if (s.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown selection '" + value + "'; valid: val-loss, val-accuracy");
        }
    }

    public TrainerOptions {
        hiddenSizes = List.copyOf(hiddenSizes);
        if (recipe == null || recipe.isBlank() || recipeVersion < 0) {
            throw new IllegalArgumentException("a recipe name and a version >= 0 are required");
        }
        if (hiddenSizes.isEmpty() || hiddenSizes.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden sizes must be one or more positive numbers: " + hiddenSizes);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1: " + maxEpochs);
        }
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabulary size must be >= 1: " + vocabularySize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0: " + learningRate);
        }
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new IllegalArgumentException("learning-rate decay must be in (0, 1]: " + learningRateDecay);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0: " + patience);
        }
        if (validationSize < 1) {
            throw new IllegalArgumentException("validation size must be >= 1: " + validationSize);
        }
        if (modelName == null || modelName.isBlank() || modelName.contains("@")) {
            throw new IllegalArgumentException("model name must be non-blank without '@': " + modelName);
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("model version must be non-blank");
        }
        if (features == null || optimizer == null || selection == null) {
            throw new IllegalArgumentException("features, optimizer and selection are required");
        }
    }

    /**
     * The Keras example's network and updater with other sizes: words only, RMSProp at a constant rate, no
     * dropout, no early stopping, the epoch of the lowest validation loss kept. Recorded as recipe version 0.
     */
    public TrainerOptions(String recipe, List<Integer> hiddenSizes, int maxEpochs, int vocabularySize,
                          FeatureWeighting weighting, long seed, int batchSize, double learningRate,
                          int validationSize, String modelName, String modelVersion) {
        this(recipe, 0, FeatureSpec.of(weighting), vocabularySize, hiddenSizes, 0.0, Optimizer.RMSPROP, learningRate,
                1.0, batchSize, maxEpochs, 0, Selection.VAL_LOSS, seed, validationSize, modelName, modelVersion);
    }

    /** The Keras example's settings: the {@code seed} recipe. */
    public static TrainerOptions kerasExample() {
        return Recipe.SEED.options(1_000, "newswire-mlp", "1");
    }

    /** The feature weighting (part of {@link #features()}). */
    public FeatureWeighting weighting() {
        return features.weighting();
    }
}
