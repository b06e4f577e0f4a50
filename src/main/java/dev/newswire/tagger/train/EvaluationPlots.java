package dev.newswire.tagger.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plots of an evaluation, drawn with JFreeChart like {@link TrainingPlots}; needs no display
 * ({@code java.awt.headless} is set).
 *
 * <ul>
 *   <li>{@value #CONFUSION_MATRIX_PNG}: a heat map, rows the true topic (first label at the top), columns the
 *       predicted topic and a last column for abstentions. It is <em>row-normalised</em>: a cell's colour is the share
 *       of the true topic's documents that went to that column (white 0, palest blue just above 0, dark blue 1), so
 *       a topic with 5 test documents is as visible as one with 800; each non-empty cell is labelled with its
 *       count. The image grows with the number of topics ({@link #confusionMatrixSize(int)}).</li>
 *   <li>{@value #RELIABILITY_PNG}: accuracy against mean confidence per non-empty confidence bin, the diagonal of
 *       perfect calibration, and the number of documents per bin as grey bars labelled with their counts (right
 *       axis); ECE and MCE in the title.</li>
 * </ul>
 */
public final class EvaluationPlots {

    /** File name of the confusion-matrix heat map. */
    public static final String CONFUSION_MATRIX_PNG = "confusion-matrix.png";
    /** File name of the reliability diagram. */
    public static final String RELIABILITY_PNG = "reliability.png";
    /** Size of the reliability diagram, pixels. */
    public static final Dimension RELIABILITY_SIZE = new Dimension(900, 600);

    /** Pixels per matrix cell: room for a two-digit count in a 9-point font, three digits in 8 points. */
    static final int CELL = 18;
    /** Room for the title, the axis labels (topic names) and the colour scale around the cells. */
    static final int MARGIN_WIDTH = 300;
    static final int MARGIN_HEIGHT = 260;
    static final Dimension MINIMUM_MATRIX = new Dimension(640, 560);

    private static final Color PALEST = new Color(222, 235, 247);
    private static final Color DARKEST = new Color(8, 48, 107);
    private static final String FONT = Font.SANS_SERIF;

    private EvaluationPlots() {
    }

    /** Writes {@value #CONFUSION_MATRIX_PNG} and {@value #RELIABILITY_PNG} into {@code dir}, which must exist. */
    public static void write(ConfusionMatrix matrix, Calibration calibration, Path dir) throws IOException {
        writeConfusionMatrix(matrix, dir.resolve(CONFUSION_MATRIX_PNG));
        writeReliability(calibration, dir.resolve(RELIABILITY_PNG));
    }

    /** Writes the confusion-matrix heat map to {@code file}, {@link #confusionMatrixSize} pixels. */
    public static void writeConfusionMatrix(ConfusionMatrix matrix, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Dimension size = confusionMatrixSize(matrix.labels().size());
        ChartUtils.saveChartAsPNG(file.toFile(), confusionMatrixChart(matrix), size.width, size.height);
    }

    /** Writes the reliability diagram to {@code file}, {@link #RELIABILITY_SIZE} pixels. */
    public static void writeReliability(Calibration calibration, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(file.toFile(), reliabilityChart(calibration), RELIABILITY_SIZE.width,
                RELIABILITY_SIZE.height);
    }

    /**
     * The confusion matrix image's size for {@code topics} topics: {@value #CELL} pixels per cell (topics + 1
     * columns, the last for abstentions; topics rows) plus {@value #MARGIN_WIDTH} × {@value #MARGIN_HEIGHT} for
     * title, labels and colour scale, at least 640 × 560.
     */
    public static Dimension confusionMatrixSize(int topics) {
        return new Dimension(Math.max(MINIMUM_MATRIX.width, MARGIN_WIDTH + CELL * (topics + 1)),
                Math.max(MINIMUM_MATRIX.height, MARGIN_HEIGHT + CELL * topics));
    }

    static JFreeChart confusionMatrixChart(ConfusionMatrix matrix) {
        List<String> labels = matrix.labels();
        int n = labels.size();
        List<double[]> cells = new ArrayList<>(); // {column, row, share, count}
        for (int t = 0; t < n; t++) {
            int total = matrix.rowTotal(t);
            for (int p = 0; p <= n; p++) {
                int count = p < n ? matrix.count(t, p) : matrix.abstained()[t];
                if (count > 0) {
                    cells.add(new double[] {p, t, (double) count / total, count});
                }
            }
        }
        double[][] series = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < 3; k++) {
                series[k][i] = cells.get(i)[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of the true topic's documents", series);

        Font tickFont = new Font(FONT, Font.PLAIN, n > 60 ? 9 : 10);
        List<String> columns = new ArrayList<>(labels);
        columns.add("(abstained)");
        SymbolAxis predicted = symbolAxis("Predicted topic", columns, tickFont);
        predicted.setVerticalTickLabels(true);
        predicted.setRange(-0.5, n + 0.5);
        SymbolAxis actual = symbolAxis("True topic", labels, tickFont);
        actual.setInverted(true); // the first label at the top, as a table reads
        actual.setRange(-0.5, n - 0.5);

        XYBlockRenderer renderer = new XYBlockRenderer();
        ShareScale scale = new ShareScale();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, actual, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);
        Font countFont = new Font(FONT, Font.PLAIN, 9);
        Font bigCountFont = new Font(FONT, Font.PLAIN, 8); // three digits fit the 18-pixel cell in 8 points
        for (double[] cell : cells) {
            XYTextAnnotation count = new XYTextAnnotation(Integer.toString((int) cell[3]), cell[0], cell[1]);
            count.setFont(cell[3] >= 100 ? bigCountFont : countFont);
            count.setPaint(cell[2] > 0.5 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(count);
        }

        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT,
                "Confusion matrix: %d documents, %d right, %d abstained (colour: share of the row)",
                matrix.documents(), matrix.correct(), matrix.abstainedTotal()),
                new Font(FONT, Font.BOLD, 14), plot, false);
        chart.addSubtitle(legend(scale));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static SymbolAxis symbolAxis(String name, List<String> symbols, Font tickFont) {
        SymbolAxis axis = new SymbolAxis(name, symbols.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        axis.setTickLabelFont(tickFont);
        return axis;
    }

    private static PaintScaleLegend legend(PaintScale scale) {
        NumberAxis axis = new NumberAxis("share of the true topic's documents");
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.1, NumberFormat.getNumberInstance(Locale.ROOT)));
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(new RectangleInsets(40, 10, 40, 10));
        return legend;
    }

    static JFreeChart reliabilityChart(Calibration calibration) {
        XYSeries accuracy = new XYSeries("accuracy per bin (at its mean confidence)");
        XYIntervalSeries documents = new XYIntervalSeries("documents per bin (right axis)");
        for (Calibration.Bin bin : calibration.bins()) {
            if (bin.count() > 0) {
                accuracy.add(bin.meanConfidence(), bin.accuracy());
                documents.add((bin.lower() + bin.upper()) / 2, bin.lower(), bin.upper(), bin.count(), 0, bin.count());
            }
        }
        XYSeries diagonal = new XYSeries("perfect calibration");
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(accuracy);
        lines.addSeries(diagonal);

        NumberAxis confidence = rootAxis("Top-1 confidence (" + calibration.bins().size() + " equal-width bins)", false);
        confidence.setRange(0, 1);
        NumberAxis accuracyAxis = rootAxis("Accuracy", false);
        accuracyAxis.setRange(0, 1.05);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer();
        lineRenderer.setSeriesPaint(0, DARKEST);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lineRenderer.setSeriesPaint(1, Color.GRAY);
        lineRenderer.setSeriesShapesVisible(1, false);
        lineRenderer.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(lines, confidence, accuracyAxis, lineRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(documents);
        NumberAxis countAxis = rootAxis("Documents", true);
        countAxis.setUpperMargin(0.15); // room for the count above the tallest bar
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, new Color(160, 160, 160, 110));
        barRenderer.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{2}",
                NumberFormat.getNumberInstance(Locale.ROOT), NumberFormat.getIntegerInstance(Locale.ROOT)));
        barRenderer.setDefaultItemLabelsVisible(true);
        barRenderer.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 10));
        // The bars are dataset 1: XYPlot draws the datasets in reverse order, so the accuracy line stays on top.
        plot.setDataset(1, bars);
        plot.setRangeAxis(1, countAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, barRenderer);

        String title = calibration.scored() == 0
                ? String.format(Locale.ROOT, "Reliability: no document scored (%d abstained)", calibration.abstained())
                : String.format(Locale.ROOT, "Reliability: ECE %.4f, MCE %.4f (%d documents scored, %d abstained)",
                        calibration.expectedCalibrationError(), calibration.maximumCalibrationError(),
                        calibration.scored(), calibration.abstained());
        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A number axis whose tick labels do not depend on the default locale. */
    private static NumberAxis rootAxis(String label, boolean integers) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(integers ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
                : NumberAxis.createStandardTickUnits(Locale.ROOT));
        return axis;
    }

    /**
     * Shares 0 to 1 to colours: 0 white, anything above 0 from the palest to the darkest blue, linearly, so that one
     * confused document in a large topic still shows.
     */
    static final class ShareScale implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double share) {
            if (!(share > 0)) {
                return Color.WHITE;
            }
            double t = Math.min(1, share);
            return new Color(mix(PALEST.getRed(), DARKEST.getRed(), t), mix(PALEST.getGreen(), DARKEST.getGreen(), t),
                    mix(PALEST.getBlue(), DARKEST.getBlue(), t));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
