package dev.newswire.tagger.model;

/**
 * How a model was trained, as recorded in its manifest.
 *
 * @param recipe         name of the training recipe, e.g. {@code keras-example}
 * @param maxEpochs      epochs trained at most
 * @param bestEpoch      the epoch (1-based) whose weights were kept: the one with the lowest validation loss
 * @param batchSize      examples per gradient step
 * @param optimizer      e.g. {@code rmsprop}
 * @param learningRate   the optimizer's learning rate
 * @param seed           seed of weight initialisation and shuffling
 * @param vocabularyLimit the maximum vocabulary size asked for
 */
public record TrainingSettings(String recipe, int maxEpochs, int bestEpoch, int batchSize, String optimizer,
                               double learningRate, long seed, int vocabularyLimit) {
    public TrainingSettings {
        if (maxEpochs < 1 || bestEpoch < 1 || bestEpoch > maxEpochs) {
            throw new IllegalArgumentException("need 1 <= bestEpoch <= maxEpochs: " + bestEpoch + ", " + maxEpochs);
        }
        if (batchSize < 1 || vocabularyLimit < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("batchSize, vocabularyLimit and learningRate must be positive");
        }
    }
}
