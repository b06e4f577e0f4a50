package dev.newswire.tagger.model;

/**
 * How a model was trained, as recorded in its manifest. Manifests written before recipes had versions lack the
 * last five fields: they read as recipe version 0, no dropout, a constant learning rate, no early stopping and
 * the epoch picked by validation loss, which is what those models were trained with.
 *
 * @param recipe         name of the training recipe, e.g. {@code seed}, {@code best} ({@code keras-example} in
 *                       older manifests, the settings of {@code seed})
 * @param maxEpochs      epochs trained at most
 * @param bestEpoch      the epoch (1-based) whose weights were kept
 * @param batchSize      examples per gradient step
 * @param optimizer      e.g. {@code rmsprop}, {@code adam}
 * @param learningRate   the optimizer's (initial) learning rate
 * @param seed           seed of weight initialisation, dropout and shuffling
 * @param vocabularyLimit the maximum vocabulary size asked for
 * @param recipeVersion  version of the recipe's settings (0: before recipes were versioned)
 * @param dropout        probability of dropping a hidden unit's output while training (0: none)
 * @param learningRateDecay factor the learning rate is multiplied by after every epoch (1 or 0: constant)
 * @param patience       epochs without a better validation score before training stops (0: never stops early)
 * @param selection      what picks the kept epoch: {@code val-loss} (lowest) or {@code val-accuracy} (highest,
 *                       ties to the lower loss); null in older manifests, meaning {@code val-loss}
 */
public record TrainingSettings(String recipe, int maxEpochs, int bestEpoch, int batchSize, String optimizer,
                               double learningRate, long seed, int vocabularyLimit, int recipeVersion,
                               double dropout, double learningRateDecay, int patience, String selection) {
    public TrainingSettings {
        if (maxEpochs < 1 || bestEpoch < 1 || bestEpoch > maxEpochs) {
            throw new IllegalArgumentException("need 1 <= bestEpoch <= maxEpochs: " + bestEpoch + ", " + maxEpochs);
        }
        if (batchSize < 1 || vocabularyLimit < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("batchSize, vocabularyLimit and learningRate must be positive");
        }
        if (recipeVersion < 0 || patience < 0 || !(dropout >= 0 && dropout < 1) || !(learningRateDecay >= 0)) {
            throw new IllegalArgumentException("need recipeVersion, patience >= 0, 0 <= dropout < 1, decay >= 0");
        }
        selection = selection == null ? "val-loss" : selection;
    }

}
