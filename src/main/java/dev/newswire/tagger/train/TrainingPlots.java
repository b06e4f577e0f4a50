package dev.newswire.tagger.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two plots of the Keras example, drawn with JFreeChart: training vs validation loss, and training vs
 * validation accuracy, by epoch. Needs no display ({@code java.awt.headless} is set).
 */
public final class TrainingPlots {

    private TrainingPlots() {
    }

    /** Writes {@code loss.png} and {@code accuracy.png} into {@code dir}. */
    public static void write(List<EpochMetrics> epochs, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        save(chart("Training and validation loss", "Loss", epochs, EpochMetrics::trainLoss, EpochMetrics::validationLoss),
                dir.resolve("loss.png"));
        save(chart("Training and validation accuracy", "Accuracy", epochs, EpochMetrics::trainAccuracy,
                EpochMetrics::validationAccuracy), dir.resolve("accuracy.png"));
    }

    private static JFreeChart chart(String title, String yLabel, List<EpochMetrics> epochs,
                                    ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> validation) {
        XYSeries trainSeries = new XYSeries("Training");
        XYSeries validationSeries = new XYSeries("Validation");
        for (EpochMetrics e : epochs) {
            trainSeries.add(e.epoch(), train.applyAsDouble(e));
            validationSeries.add(e.epoch(), validation.applyAsDouble(e));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainSeries);
        data.addSeries(validationSeries);
        return ChartFactory.createXYLineChart(title, "Epoch", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
