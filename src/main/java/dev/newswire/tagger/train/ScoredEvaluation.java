package dev.newswire.tagger.train;

import java.util.List;

/**
 * The evaluation of one model on labelled documents together with the calibration of its scores, both from the same
 * single scoring pass.
 *
 * @param evaluation  accuracy, per-topic metrics and the confusion matrix
 * @param calibration how well the top-1 confidence matches the accuracy
 */
public record ScoredEvaluation(Evaluation evaluation, Calibration calibration) {

    /** How many most-confused pairs an evaluation keeps. */
    static final int CONFUSED_PAIRS = 10;

    /**
     * Evaluates the predictions.
     *
     * @param labels      topic names by label index
     * @param truth       true label index per document
     * @param predictions the prediction of each document, its label indices in the same order
     */
    public static ScoredEvaluation of(List<String> labels, int[] truth, List<ScoredPrediction> predictions) {
        int[] predicted = predictions.stream().mapToInt(ScoredPrediction::predicted).toArray();
        return new ScoredEvaluation(Evaluation.of(labels, truth, predicted, CONFUSED_PAIRS),
                Calibration.of(truth, predictions));
    }
}
