package dev.newswire.tagger.train;

import dev.newswire.tagger.model.ModelManifest;
import java.util.List;

/**
 * What a training run did: its manifest (settings, data, test metrics), the metrics of every epoch, the epoch kept,
 * the wall-clock training time, the full test evaluation and the calibration of the test scores. Written as
 * {@code report.json}.
 */
public record TrainingReport(ModelManifest manifest, List<EpochMetrics> epochs, int bestEpoch, double trainingSeconds,
                             Evaluation test, Calibration testCalibration) {
    public TrainingReport {
        epochs = List.copyOf(epochs);
    }
}
