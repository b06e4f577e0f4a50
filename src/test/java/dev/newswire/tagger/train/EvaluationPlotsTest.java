package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationPlotsTest {

    /** {@code n} topics, each with 10 + t documents: all right but one of each topic > 0 predicted as topic 0. */
    private static ConfusionMatrix matrix(int n) {
        List<String> labels = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            labels.add("topic-" + t);
            for (int d = 0; d < 10 + t; d++) {
                truth.add(t);
                predicted.add(d == 0 && t > 0 ? 0 : t);
            }
        }
        return ConfusionMatrix.of(labels, truth.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Calibration calibration() {
        return Calibration.of(new int[] {0, 0, 1}, List.of(new ScoredPrediction(0, 0.9, 0.9),
                new ScoredPrediction(1, 0.6, 0.3), new ScoredPrediction(-1, 0, 0)));
    }

    @Test
    void shouldWriteBothPngsSizedForFiftyTopics(@TempDir Path dir) throws Exception {
        EvaluationPlots.write(matrix(50), calibration(), dir);

        BufferedImage heatMap = ImageIO.read(dir.resolve("confusion-matrix.png").toFile());
        // 51 columns (50 topics + abstained) and 50 rows of 18 px, plus 300 x 260 of margins.
        assertThat(heatMap.getWidth()).isEqualTo(300 + 18 * 51);
        assertThat(heatMap.getHeight()).isEqualTo(260 + 18 * 50);
        BufferedImage reliability = ImageIO.read(dir.resolve("reliability.png").toFile());
        assertThat(reliability.getWidth()).isEqualTo(900);
        assertThat(reliability.getHeight()).isEqualTo(600);
    }

    @Test
    void shouldGrowTheHeatMapWithTheTopicsButNotShrinkBelowItsMinimum(@TempDir Path dir) throws Exception {
        assertThat(EvaluationPlots.confusionMatrixSize(90).width).isEqualTo(300 + 18 * 91);
        assertThat(EvaluationPlots.confusionMatrixSize(90).height).isEqualTo(260 + 18 * 90);
        Path file = dir.resolve("small.png");
        EvaluationPlots.writeConfusionMatrix(matrix(3), file);
        BufferedImage small = ImageIO.read(file.toFile());
        assertThat(small.getWidth()).isEqualTo(640);
        assertThat(small.getHeight()).isEqualTo(560);
    }

    @Test
    void shouldColourEachCellByItsShareOfTheTrueTopicsDocuments() {
        XYZDataset cells = (XYZDataset) EvaluationPlots.confusionMatrixChart(matrix(3)).getXYPlot().getDataset();
        // topic 2 has 12 documents: 11 right (column 2), 1 predicted as topic 0 -> shares 11/12 and 1/12.
        double rightShare = Double.NaN;
        double wrongShare = Double.NaN;
        for (int i = 0; i < cells.getItemCount(0); i++) {
            if (cells.getYValue(0, i) == 2 && cells.getXValue(0, i) == 2) {
                rightShare = cells.getZValue(0, i);
            }
            if (cells.getYValue(0, i) == 2 && cells.getXValue(0, i) == 0) {
                wrongShare = cells.getZValue(0, i);
            }
        }
        assertThat(rightShare).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(wrongShare).isCloseTo(1.0 / 12, within(1e-12));
        // 3 diagonal cells + 2 off-diagonal (topics 1 and 2 -> 0); empty cells are not drawn.
        assertThat(cells.getItemCount(0)).isEqualTo(5);
    }

    @Test
    void shouldPaintNothingWhiteAndAnyShareAboveZeroBlue() {
        EvaluationPlots.ShareScale scale = new EvaluationPlots.ShareScale();
        assertThat(scale.getPaint(0)).isEqualTo(Color.WHITE);
        assertThat(scale.getPaint(1)).isEqualTo(new Color(8, 48, 107));
        Color faint = (Color) scale.getPaint(0.001);
        assertThat(faint).isNotEqualTo(Color.WHITE);
        assertThat(faint.getBlue()).isGreaterThan(faint.getRed());
    }

    @Test
    void shouldDrawAReliabilityDiagramEvenWhenEverythingAbstained(@TempDir Path dir) throws Exception {
        Calibration none = Calibration.of(new int[] {0}, List.of(new ScoredPrediction(-1, 0, 0)));
        assertThat(EvaluationPlots.reliabilityChart(none).getTitle().getText()).contains("no document scored (1 abstained)");
        Path file = dir.resolve("r.png");
        EvaluationPlots.writeReliability(none, file);
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(900);
    }

    @Test
    void shouldPutEceAndMceInTheReliabilityTitle() {
        // bins: 0.9 right (gap 0.1), 0.6 wrong (gap 0.6); ECE = (0.1 + 0.6)/2 = 0.35, MCE 0.6
        assertThat(EvaluationPlots.reliabilityChart(calibration()).getTitle().getText())
                .isEqualTo("Reliability: ECE 0.3500, MCE 0.6000 (2 documents scored, 1 abstained)");
    }
}
