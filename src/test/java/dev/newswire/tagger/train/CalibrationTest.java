package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newswire.tagger.text.SparseVector;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final double EPS = 1e-12;

    /** A prediction of label {@code predicted} with top-1 score {@code confidence} and true-topic score {@code truth}. */
    private static ScoredPrediction p(int predicted, double confidence, double truth) {
        return new ScoredPrediction(predicted, confidence, truth);
    }

    private static ScoredPrediction abstention() {
        return new ScoredPrediction(-1, 0, 0);
    }

    @Test
    void shouldComputeBinsEceMceAndLogLikelihoodByHand() {
        // Every document's true label is 0; predicting 1 is wrong. 15 bins of width 1/15 = 0.0667.
        //   d0 conf 0.95 right  -> bin floor(0.95*15 = 14.25) = 14, p(true) 0.95
        //   d1 conf 0.95 wrong  -> bin 14,                             p(true) 0.03
        //   d2 conf 0.90 right  -> bin floor(13.5) = 13,               p(true) 0.90
        //   d3 conf 0.50 wrong  -> bin floor(7.5) = 7,                 p(true) 0.20
        //   d4 abstained        -> left out, counted
        // bin 14: n 2, conf 0.95, acc 0.5, gap 0.45;  bin 13: n 1, conf 0.90, acc 1, gap 0.10;
        // bin 7:  n 1, conf 0.50, acc 0,   gap 0.50
        // ECE = 2/4*0.45 + 1/4*0.10 + 1/4*0.50 = 0.225 + 0.025 + 0.125 = 0.375;  MCE = 0.50
        // mean confidence (0.95+0.95+0.90+0.50)/4 = 0.825; accuracy 2/4 = 0.5
        // NLL = -(ln 0.95 + ln 0.03 + ln 0.90 + ln 0.20)/4 = (0.0513 + 3.5066 + 0.1054 + 1.6094)/4 = 1.3182
        int[] truth = {0, 0, 0, 0, 0};
        Calibration c = Calibration.of(truth, List.of(p(0, 0.95, 0.95), p(1, 0.95, 0.03), p(0, 0.90, 0.90),
                p(1, 0.50, 0.20), abstention()));

        assertThat(c.scored()).isEqualTo(4);
        assertThat(c.abstained()).isEqualTo(1);
        assertThat(c.bins()).hasSize(15);
        assertThat(c.bins().get(14).count()).isEqualTo(2);
        assertThat(c.bins().get(14).meanConfidence()).isCloseTo(0.95, within(EPS));
        assertThat(c.bins().get(14).accuracy()).isCloseTo(0.5, within(EPS));
        assertThat(c.bins().get(13).count()).isEqualTo(1);
        assertThat(c.bins().get(13).accuracy()).isEqualTo(1.0);
        assertThat(c.bins().get(7).count()).isEqualTo(1);
        assertThat(c.bins().get(7).lower()).isCloseTo(7.0 / 15, within(EPS));
        assertThat(c.bins().get(7).upper()).isCloseTo(8.0 / 15, within(EPS));
        assertThat(c.bins().stream().mapToInt(Calibration.Bin::count).sum()).isEqualTo(4);
        assertThat(c.expectedCalibrationError()).isCloseTo(0.375, within(EPS));
        assertThat(c.maximumCalibrationError()).isCloseTo(0.5, within(EPS));
        assertThat(c.meanConfidence()).isCloseTo(0.825, within(EPS));
        assertThat(c.accuracy()).isCloseTo(0.5, within(EPS));
        assertThat(c.meanNegativeLogLikelihood())
                .isCloseTo(-(Math.log(0.95) + Math.log(0.03) + Math.log(0.90) + Math.log(0.20)) / 4, within(EPS))
                .isCloseTo(1.3182, within(1e-4));
    }

    @Test
    void shouldLeaveEmptyBinsAtZeroAndOutOfTheMaximumError() {
        // One right document at 0.40 (bin 6): gap |1 - 0.4| = 0.6; all 14 other bins empty.
        Calibration c = Calibration.of(new int[] {2}, List.of(p(2, 0.40, 0.40)));
        assertThat(c.bins().get(6).count()).isEqualTo(1);
        for (int b = 0; b < 15; b++) {
            if (b != 6) {
                assertThat(c.bins().get(b)).isEqualTo(new Calibration.Bin(b / 15.0, (b + 1) / 15.0, 0, 0, 0));
            }
        }
        assertThat(c.expectedCalibrationError()).isCloseTo(0.6, within(EPS));
        assertThat(c.maximumCalibrationError()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void shouldPutAConfidenceOfExactlyOneIntoTheLastBin() {
        assertThat(Calibration.binOf(1.0, 15)).isEqualTo(14);
        assertThat(Calibration.binOf((double) 1.0000001f, 15)).isEqualTo(14); // a float softmax may round above 1
        assertThat(Calibration.binOf(0.0, 15)).isZero();
        assertThat(Calibration.binOf(0.999, 15)).isEqualTo(14);
        assertThat(Calibration.binOf(0.066, 15)).isZero(); // 0.066 * 15 = 0.99
        assertThat(Calibration.binOf(0.07, 15)).isEqualTo(1); // 1.05
        // A wrong prediction at confidence 1.0: bin 14, accuracy 0, ECE = MCE = 1.
        Calibration c = Calibration.of(new int[] {0}, List.of(p(1, 1.0, 0.0)));
        assertThat(c.bins().get(14).count()).isEqualTo(1);
        assertThat(c.expectedCalibrationError()).isEqualTo(1.0);
        assertThat(c.maximumCalibrationError()).isEqualTo(1.0);
    }

    @Test
    void shouldReportNothingButTheCountWhenEveryDocumentAbstained() {
        Calibration c = Calibration.of(new int[] {0, 1, 2}, List.of(abstention(), abstention(), abstention()));
        assertThat(c.scored()).isZero();
        assertThat(c.abstained()).isEqualTo(3);
        assertThat(c.expectedCalibrationError()).isZero();
        assertThat(c.maximumCalibrationError()).isZero();
        assertThat(c.meanNegativeLogLikelihood()).isZero();
        assertThat(c.bins()).hasSize(15).allSatisfy(b -> assertThat(b.count()).isZero());
    }

    @Test
    void shouldFloorTheTrueTopicsProbabilityInTheLogLikelihood() {
        // The model gave the true topic 0 (or does not know it): -ln(1e-7) = 16.118 instead of infinity.
        Calibration c = Calibration.of(new int[] {0}, List.of(p(1, 0.8, 0.0)));
        assertThat(c.meanNegativeLogLikelihood()).isCloseTo(7 * Math.log(10), within(1e-9));
    }

    @Test
    void shouldRefuseMismatchedLengthsAndNoBins() {
        assertThatThrownBy(() -> Calibration.of(new int[] {0, 1}, List.of(p(0, 0.5, 0.5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truth for 2 documents");
        assertThatThrownBy(() -> Calibration.of(new int[] {0}, List.of(p(0, 0.5, 0.5)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDecodeScoresAsTheStreamDoes() {
        SparseVector known = new SparseVector(4, new int[] {1}, new float[] {1f});
        ScoredPrediction p = ScoredPrediction.of(known, new float[] {0.2f, 0.5f, 0.3f}, 2);
        assertThat(p.predicted()).isEqualTo(1);
        assertThat(p.confidence()).isEqualTo(0.5);
        assertThat(p.trueTopicScore()).isCloseTo(0.3, within(1e-6));
        // Ties go to the lower label index, as in Prediction.decode.
        assertThat(ScoredPrediction.of(known, new float[] {0.4f, 0.4f, 0.2f}, 0).predicted()).isZero();
        // A true topic the model does not know scores 0.
        assertThat(ScoredPrediction.of(known, new float[] {0.2f, 0.5f, 0.3f}, -1).trueTopicScore()).isZero();
        // No known word: abstain, whatever the network says.
        ScoredPrediction empty = ScoredPrediction.of(new SparseVector(4, new int[0], new float[0]),
                new float[] {0.9f, 0.05f, 0.05f}, 0);
        assertThat(empty.abstained()).isTrue();
        assertThat(empty.confidence()).isZero();
    }
}
