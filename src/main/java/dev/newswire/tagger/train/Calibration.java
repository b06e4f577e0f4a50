package dev.newswire.tagger.train;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a model's top-1 confidence (the softmax score of the topic it predicts) matches how often it is right.
 * The confidences are put into {@value #BINS} equal-width bins over [0, 1], the usual choice since Guo et al.
 * (2017), "On Calibration of Modern Neural Networks": bin {@code b} holds the confidences in
 * {@code [b/15, (b+1)/15)}, the last bin also 1.0 (a bin is {@code floor(confidence × 15)}, capped at 14). Per bin:
 * the document count, mean confidence and accuracy.
 *
 * <p>Expected calibration error {@code ECE = Σ_b (n_b / N) · |acc_b − conf_b|} over the bins, {@code N} the scored
 * documents; maximum calibration error {@code MCE = max_b |acc_b − conf_b|} over the non-empty bins. The mean negative
 * log-likelihood is {@code −ln p(true topic)} averaged over the scored documents, with {@code p} floored at
 * {@value #PROBABILITY_FLOOR} as in the training loss (a true topic the model does not know has {@code p = 0}).
 *
 * <p>Abstentions have no confidence: they are left out of every figure here and only counted. With no scored
 * document, every figure is 0 and every bin empty.
 *
 * @param scored                    documents the model predicted a topic for (N)
 * @param abstained                 documents it abstained on, left out
 * @param meanConfidence            mean top-1 confidence of the scored documents
 * @param accuracy                  share of the scored documents predicted right (abstentions not counted, unlike
 *                                  {@link Evaluation#accuracy()})
 * @param expectedCalibrationError  ECE, 0 to 1
 * @param maximumCalibrationError   MCE, 0 to 1
 * @param meanNegativeLogLikelihood mean {@code −ln p(true topic)}, nats
 * @param bins                      the {@value #BINS} bins, lowest confidence first, empty ones included
 */
public record Calibration(int scored, int abstained, double meanConfidence, double accuracy,
                          double expectedCalibrationError, double maximumCalibrationError,
                          double meanNegativeLogLikelihood, List<Bin> bins) {

    /** Number of equal-width confidence bins. */
    public static final int BINS = 15;
    /** The smallest probability the log-likelihood takes, so that a zero score costs a finite amount. */
    public static final double PROBABILITY_FLOOR = 1e-7;

    /**
     * One confidence bin.
     *
     * @param lower          its lowest confidence (inclusive)
     * @param upper          its upper bound (exclusive, but 1.0 belongs to the last bin)
     * @param count          scored documents whose confidence falls in it
     * @param meanConfidence their mean confidence, 0 when the bin is empty
     * @param accuracy       the share of them predicted right, 0 when the bin is empty
     */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {

        /** {@code |accuracy − meanConfidence|}: how far the bin is from perfect calibration. */
        public double gap() {
            return Math.abs(accuracy - meanConfidence);
        }
    }

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** The calibration over {@value #BINS} bins; see {@link #of(int[], List, int)}. */
    public static Calibration of(int[] truth, List<ScoredPrediction> predictions) {
        return of(truth, predictions, BINS);
    }

    /**
     * Computes the calibration.
     *
     * @param truth       true label index per document, in the label order of the predictions
     * @param predictions the model's prediction of each document
     * @param binCount    number of equal-width bins, at least 1
     */
    public static Calibration of(int[] truth, List<ScoredPrediction> predictions, int binCount) {
        if (truth.length != predictions.size()) {
            throw new IllegalArgumentException("truth for " + truth.length + " documents, predictions for "
                    + predictions.size());
        }
        if (binCount < 1) {
            throw new IllegalArgumentException("at least 1 bin, got " + binCount);
        }
        int[] count = new int[binCount];
        double[] confidenceSum = new double[binCount];
        int[] correct = new int[binCount];
        int abstained = 0;
        double nllSum = 0;
        for (int i = 0; i < truth.length; i++) {
            ScoredPrediction p = predictions.get(i);
            if (p.abstained()) {
                abstained++;
                continue;
            }
            int b = binOf(p.confidence(), binCount);
            count[b]++;
            confidenceSum[b] += p.confidence();
            correct[b] += p.predicted() == truth[i] ? 1 : 0;
            nllSum -= Math.log(Math.max(p.trueTopicScore(), PROBABILITY_FLOOR));
        }
        return summarise(count, confidenceSum, correct, abstained, nllSum);
    }

    private static Calibration summarise(int[] count, double[] confidenceSum, int[] correct, int abstained,
                                         double nllSum) {
        int binCount = count.length;
        int scored = 0;
        int right = 0;
        double confidenceTotal = 0;
        for (int b = 0; b < binCount; b++) {
            scored += count[b];
            right += correct[b];
            confidenceTotal += confidenceSum[b];
        }
        List<Bin> bins = new ArrayList<>(binCount);
        double ece = 0;
        double mce = 0;
        for (int b = 0; b < binCount; b++) {
            Bin bin = count[b] == 0
                    ? new Bin((double) b / binCount, (double) (b + 1) / binCount, 0, 0, 0)
                    : new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b],
                            confidenceSum[b] / count[b], (double) correct[b] / count[b]);
            bins.add(bin);
            if (bin.count() > 0) {
                ece += (double) bin.count() / scored * bin.gap();
                mce = Math.max(mce, bin.gap());
            }
        }
        return scored == 0
                ? new Calibration(0, abstained, 0, 0, 0, 0, 0, bins)
                : new Calibration(scored, abstained, confidenceTotal / scored, (double) right / scored, ece, mce,
                        nllSum / scored, bins);
    }

    /** The bin of {@code confidence}: {@code floor(confidence × binCount)}, 1.0 (or above) in the last bin. */
    static int binOf(double confidence, int binCount) {
        if (!(confidence >= 0)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not a probability");
        }
        return Math.min((int) Math.floor(confidence * binCount), binCount - 1);
    }
}
