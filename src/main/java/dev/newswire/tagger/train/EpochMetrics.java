package dev.newswire.tagger.train;

/**
 * Loss (categorical cross-entropy, mean per document) and accuracy after one epoch, measured at the end of the
 * epoch over the first 2,000 documents of the part fitted on (all of them if fewer) and over the validation part.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double seconds) {
}
