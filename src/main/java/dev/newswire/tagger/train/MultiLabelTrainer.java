package dev.newswire.tagger.train;

import dev.newswire.tagger.data.MultiLabelDataset;
import dev.newswire.tagger.data.MultiLabelDocument;
import dev.newswire.tagger.model.DataProvenance;
import dev.newswire.tagger.model.ModelKind;
import dev.newswire.tagger.model.ModelManifest;
import dev.newswire.tagger.model.NetworkShape;
import dev.newswire.tagger.model.TopicThresholds;
import dev.newswire.tagger.model.TrainingSettings;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Vectorizer;
import dev.newswire.tagger.text.Vocabulary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a multi-label model on a {@link MultiLabelDataset}, the way {@link Trainer} trains a single-label one:
 * the vocabulary from the training part, its first {@code validationSize} documents held out (never the test part),
 * the recipe's features, hidden layers, dropout, optimizer and schedule, with one sigmoid output per topic and
 * binary cross-entropy ({@link MlpFactory#build(int, List, int, TrainerOptions.Optimizer, double, double, double,
 * long, ModelKind)}). Each epoch is scored on the validation part by micro-F1 with every threshold at 0.5; the
 * weights of the best epoch are kept (equal micro-F1: the lower validation loss), stopping after {@code patience}
 * epochs without a better one. The recipe's own selection (loss or accuracy) does not apply. Then the per-topic
 * thresholds are tuned on the validation part ({@link ThresholdTuner}), and the test part, which played no part
 * in any choice, is evaluated with them as the stream would classify (a document without a known term abstains).
 */
public final class MultiLabelTrainer {

    /** What a run produces: the parts of the bundle and the report. */
    public record Result(ModelManifest manifest, Vocabulary vocabulary, MultiLayerNetwork network,
                         MultiLabelTrainingReport report) {
    }

    /** The name of the selection recorded in the manifest. */
    public static final String SELECTION = "val-micro-f1";
    private static final int EVAL_BATCH = 1024;
    private static final double EPOCH_THRESHOLD = 0.5;

    private final TrainerOptions options;
    private final Clock clock;

    public MultiLabelTrainer(TrainerOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /**
     * Trains on {@code data}.
     *
     * @param progress called after every epoch
     * @throws IllegalArgumentException if the dataset has fewer than 2 labels, too few training documents for the
     *                                  hold-out, or no test document
     */
    public Result train(MultiLabelDataset data, Consumer<MultiLabelEpochMetrics> progress) {
        requireTrainable(data);
        long start = System.nanoTime();
        Nd4j.getRandom().setSeed(options.seed());
        Vectorizer vectorizer = Trainer.vectorizer(data.train().stream().map(MultiLabelDocument::text).toList(), options);
        Vocabulary vocabulary = vectorizer.vocabulary();
        MultiLabelVectors all = vectorize(data, data.train(), vectorizer);
        MultiLabelVectors validation = all.slice(0, options.validationSize());
        MultiLabelVectors fit = all.slice(options.validationSize(), all.size());
        MultiLabelVectors trainSample = fit.slice(0, Math.min(fit.size(), Trainer.TRAIN_METRICS_SAMPLE));
        int width = vocabulary.size();
        int labels = data.labels().size();
        TopicThresholds half = TopicThresholds.of(Collections.nCopies(labels, EPOCH_THRESHOLD));

        MultiLayerNetwork network = MlpFactory.build(width, options.hiddenSizes(), labels, options.optimizer(),
                options.learningRate(), options.learningRateDecay(), options.dropout(), options.seed(),
                ModelKind.MULTI_LABEL);
        List<MultiLabelEpochMetrics> epochs = new ArrayList<>();
        INDArray bestParams = null;
        MultiLabelEpochMetrics best = null;
        Random shuffle = new Random(options.seed());
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            network.setEpochCount(epoch - 1); // the learning-rate schedule's clock: fit(x, y) does not advance it
            fitEpoch(network, fit, shuffle, width);
            double[] trainMetrics = lossAndMicroF1(scores(network, trainSample, width), trainSample, half);
            double[] validationMetrics = lossAndMicroF1(scores(network, validation, width), validation, half);
            MultiLabelEpochMetrics metrics = new MultiLabelEpochMetrics(epoch, trainMetrics[0], trainMetrics[1],
                    validationMetrics[0], validationMetrics[1], (System.nanoTime() - epochStart) / 1e9);
            epochs.add(metrics);
            progress.accept(metrics);
            if (best == null || isBetter(metrics, best)) {
                best = metrics;
                bestParams = network.params().dup();
            } else if (options.patience() > 0 && epoch - best.epoch() >= options.patience()) {
                break;
            }
        }
        network.setParams(bestParams);
        ThresholdTuner.Tuned tuned = ThresholdTuner.tune(scores(network, validation, width), validation.labels(),
                validation.scorable());
        double seconds = (System.nanoTime() - start) / 1e9;
        MultiLabelVectors test = vectorize(data, data.test(), vectorizer);
        MultiLabelEvaluation evaluation = evaluate(scores(network, test, width), test, data.labels(), tuned.thresholds());
        ModelManifest manifest = manifest(data, vocabulary, best, tuned, evaluation, fit.size());
        MultiLabelTrainingReport report = new MultiLabelTrainingReport(manifest, epochs, best.epoch(),
                tuned.globalThreshold(), tuned.topicsWithOwnThreshold(), tuned.validationMicroF1(), seconds, evaluation);
        return new Result(manifest, vocabulary, network, report);
    }

    private void requireTrainable(MultiLabelDataset data) {
        if (data.labels().size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 labels, got " + data.labels().size());
        }
        if (data.train().size() <= options.validationSize()) {
            throw new IllegalArgumentException("the training part has " + data.train().size()
                    + " documents: it needs more than the " + options.validationSize() + " held out for validation");
        }
        if (data.test().isEmpty()) {
            throw new IllegalArgumentException("the test part of " + data.name() + " is empty");
        }
    }

    /** Higher validation micro-F1; equal: lower validation loss. */
    private static boolean isBetter(MultiLabelEpochMetrics candidate, MultiLabelEpochMetrics best) {
        return candidate.validationMicroF1() > best.validationMicroF1()
                || candidate.validationMicroF1() == best.validationMicroF1()
                    && candidate.validationLoss() < best.validationLoss();
    }

    private void fitEpoch(MultiLayerNetwork network, MultiLabelVectors fit, Random shuffle, int width) {
        int[] order = Trainer.permutation(fit.size(), shuffle);
        for (int from = 0; from < order.length; from += options.batchSize()) {
            int to = Math.min(order.length, from + options.batchSize());
            network.fit(fit.features(order, from, to, width), fit.multiHot(order, from, to));
        }
    }

    /** The network's scores of every document of {@code part}, {@code [document][label]}. */
    static float[][] scores(MultiLayerNetwork network, MultiLabelVectors part, int width) {
        int[] order = Trainer.identity(part.size());
        float[][] scores = new float[part.size()][];
        for (int from = 0; from < order.length; from += EVAL_BATCH) {
            int to = Math.min(order.length, from + EVAL_BATCH);
            INDArray output = network.output(part.features(order, from, to, width), false);
            for (int i = from; i < to; i++) {
                scores[i] = output.getRow(i - from).toFloatVector();
            }
        }
        return scores;
    }

    /** Mean binary cross-entropy (summed over labels) and micro-F1 under {@code thresholds}. */
    static double[] lossAndMicroF1(float[][] scores, MultiLabelVectors part, TopicThresholds thresholds) {
        double loss = 0;
        for (int d = 0; d < scores.length; d++) {
            for (int t = 0; t < scores[d].length; t++) {
                double p = Math.min(Math.max(scores[d][t], 1e-7), 1 - 1e-7);
                loss -= part.labels()[d][t] ? Math.log(p) : Math.log(1 - p);
            }
        }
        boolean[][] predicted = ThresholdTuner.decide(scores, part.scorable(), thresholds);
        return new double[] {loss / part.size(), MultiLabelEvaluation.microF1(part.labels(), predicted)};
    }

    /** The test evaluation: the serving rule under the tuned thresholds, an abstaining document getting no topic. */
    static MultiLabelEvaluation evaluate(float[][] scores, MultiLabelVectors test, List<String> labels,
                                         TopicThresholds thresholds) {
        boolean[] scorable = test.scorable();
        int abstained = 0;
        for (boolean s : scorable) {
            abstained += s ? 0 : 1;
        }
        return MultiLabelEvaluation.of(labels, test.labels(), ThresholdTuner.decide(scores, scorable, thresholds),
                abstained);
    }

    private ModelManifest manifest(MultiLabelDataset data, Vocabulary vocabulary, MultiLabelEpochMetrics best,
                                   ThresholdTuner.Tuned tuned, MultiLabelEvaluation test, int fitSize) {
        NetworkShape shape = new NetworkShape(vocabulary.size(), options.hiddenSizes(), data.labels().size(), "relu",
                ModelKind.MULTI_LABEL.outputActivation());
        TrainingSettings settings = new TrainingSettings(options.recipe(), options.maxEpochs(), best.epoch(),
                options.batchSize(), options.optimizer().id(), options.learningRate(), options.seed(),
                options.vocabularySize(), options.recipeVersion(), options.dropout(), options.learningRateDecay(),
                options.patience(), SELECTION);
        DataProvenance provenance = new DataProvenance(data.name(), "own", data.fingerprint(), fitSize,
                options.validationSize(), data.test().size());
        Map<String, Double> metrics = Map.of("microF1", test.microF1(), "macroF1", test.macroF1(),
                "microPrecision", test.microPrecision(), "microRecall", test.microRecall(),
                "subsetAccuracy", test.subsetAccuracy(), "accuracy", test.subsetAccuracy(),
                "validationMicroF1", tuned.validationMicroF1(), "validationLoss", best.validationLoss());
        return new ModelManifest(ModelManifest.formatVersionFor(options.features(), ModelKind.MULTI_LABEL),
                options.modelName(), options.modelVersion(), clock.instant().toString(), data.labels(),
                vocabulary.size(), vocabulary.sha256(), options.weighting(), options.features(), shape, settings,
                provenance, metrics, ModelKind.MULTI_LABEL, tuned.thresholds().values());
    }

    static MultiLabelVectors vectorize(MultiLabelDataset data, List<MultiLabelDocument> docs, Vectorizer vectorizer) {
        List<SparseVector> vectors = docs.stream().map(d -> vectorizer.vectorize(d.text())).toList();
        return new MultiLabelVectors(vectors, membership(data.labels(), docs), data.labels().size());
    }

    /** {@code [document][label]}: whether the document has the label. */
    static boolean[][] membership(List<String> labels, List<MultiLabelDocument> docs) {
        boolean[][] rows = new boolean[docs.size()][labels.size()];
        for (int d = 0; d < docs.size(); d++) {
            for (String label : docs.get(d).labels()) {
                int index = labels.indexOf(label);
                if (index >= 0) {
                    rows[d][index] = true;
                }
            }
        }
        return rows;
    }
}
