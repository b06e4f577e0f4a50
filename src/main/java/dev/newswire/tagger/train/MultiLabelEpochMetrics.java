package dev.newswire.tagger.train;

/**
 * Loss (binary cross-entropy summed over the labels, mean per document) and micro-F1 (every threshold 0.5, the
 * serving rule's top-1 fallback included) after one epoch, over the first 2,000 documents of the part fitted on
 * and over the validation part.
 */
public record MultiLabelEpochMetrics(int epoch, double trainLoss, double trainMicroF1, double validationLoss,
                                     double validationMicroF1, double seconds) {

    /** As {@link EpochMetrics}, micro-F1 in the accuracy columns: for the loss and "accuracy" plots. */
    public EpochMetrics asPlotted() {
        return new EpochMetrics(epoch, trainLoss, trainMicroF1, validationLoss, validationMicroF1, seconds);
    }
}
