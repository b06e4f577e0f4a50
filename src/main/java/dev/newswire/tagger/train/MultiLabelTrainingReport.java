package dev.newswire.tagger.train;

import dev.newswire.tagger.model.ModelManifest;
import java.util.List;

/**
 * What a multi-label training run did: its manifest (settings, data, thresholds, test metrics), the metrics of every
 * epoch, the epoch kept, how the thresholds were tuned on the validation part, the wall-clock training time and the
 * full test evaluation. Written as {@code report.json}.
 *
 * @param globalThreshold        the threshold of the topics too rare in validation for one of their own
 * @param topicsWithOwnThreshold how many topics had enough validation documents for a threshold of their own
 * @param validationMicroF1      micro-F1 on the validation part with the tuned thresholds
 */
public record MultiLabelTrainingReport(ModelManifest manifest, List<MultiLabelEpochMetrics> epochs, int bestEpoch,
                                       double globalThreshold, int topicsWithOwnThreshold, double validationMicroF1,
                                       double trainingSeconds, MultiLabelEvaluation test) {
    public MultiLabelTrainingReport {
        epochs = List.copyOf(epochs);
    }
}
