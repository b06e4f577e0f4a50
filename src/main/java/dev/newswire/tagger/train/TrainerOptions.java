package dev.newswire.tagger.train;

import dev.newswire.tagger.text.FeatureWeighting;
import java.util.List;

/**
 * Everything that decides a training run. {@link #kerasExample()} is the classic Keras Reuters example:
 * 10,000 words, multi-hot input, Dense 64 → Dense 64 → softmax, RMSProp lr 0.001, batch 512, the first 1,000
 * training documents held out for validation, up to 20 epochs keeping the one with the best validation loss.
 */
public record TrainerOptions(String recipe, List<Integer> hiddenSizes, int maxEpochs, int vocabularySize,
                             FeatureWeighting weighting, long seed, int batchSize, double learningRate,
                             int validationSize, String modelName, String modelVersion) {

    public TrainerOptions {
        hiddenSizes = List.copyOf(hiddenSizes);
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
        if (validationSize < 1) {
            throw new IllegalArgumentException("validation size must be >= 1: " + validationSize);
        }
        if (modelName == null || modelName.isBlank() || modelName.contains("@")) {
            throw new IllegalArgumentException("model name must be non-blank without '@': " + modelName);
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("model version must be non-blank");
        }
        if (weighting == null) {
            throw new IllegalArgumentException("feature weighting is required");
        }
    }

    /** The Keras example's settings. */
    public static TrainerOptions kerasExample() {
        return new TrainerOptions("keras-example", List.of(64, 64), 20, 10_000, FeatureWeighting.BINARY,
                42L, 512, 0.001, 1_000, "newswire-mlp", "1");
    }
}
