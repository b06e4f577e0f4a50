package dev.newswire.tagger.train;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.model.DataProvenance;
import dev.newswire.tagger.model.ModelManifest;
import dev.newswire.tagger.model.NetworkShape;
import dev.newswire.tagger.model.TrainingSettings;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Tokenizer;
import dev.newswire.tagger.text.Vectorizer;
import dev.newswire.tagger.text.Vocabulary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a model on a {@link Dataset}: builds the vocabulary from the training part, holds out its first
 * {@code validationSize} documents, trains the MLP epoch by epoch on the rest (shuffled per epoch, seeded),
 * keeps the weights of the epoch with the best validation score (lowest loss or highest accuracy, as the options
 * say), stops early after {@code patience} epochs without a better one, and evaluates the kept weights on the
 * test part, which plays no part in any choice.
 */
public final class Trainer {

    /** What a run produces: the parts of the bundle and the report. */
    public record Result(ModelManifest manifest, Vocabulary vocabulary, MultiLayerNetwork network, TrainingReport report) {
    }

    private static final int EVAL_BATCH = 1024;
    /** The training loss and accuracy of each epoch are measured on the first this many documents fitted on. */
    static final int TRAIN_METRICS_SAMPLE = 2_000;

    private final TrainerOptions options;
    private final Clock clock;

    public Trainer(TrainerOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /**
     * Trains on {@code data}.
     *
     * @param textSource how the documents' text was made ({@code own}, {@code keras}, ...), for the manifest
     * @param progress   called after every epoch
     */
    public Result train(Dataset data, String textSource, Consumer<EpochMetrics> progress) {
        if (data.labels().size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 labels, got " + data.labels().size() + ": "
                    + String.join(", ", data.labels()));
        }
        if (data.train().size() <= options.validationSize()) {
            throw new IllegalArgumentException("the training part has " + data.train().size()
                    + " documents: it needs more than the " + options.validationSize() + " held out for validation");
        }
        if (data.test().isEmpty()) {
            throw new IllegalArgumentException("the test part of " + data.name() + " is empty");
        }
        long start = System.nanoTime();
        Nd4j.getRandom().setSeed(options.seed());
        Vectorizer vectorizer = vectorizer(data.train().stream().map(LabeledDocument::text).toList(), options);
        Vocabulary vocabulary = vectorizer.vocabulary();
        LabeledVectors all = vectorize(data, data.train(), vectorizer);
        LabeledVectors validation = all.slice(0, options.validationSize());
        LabeledVectors fit = all.slice(options.validationSize(), all.size());
        LabeledVectors test = vectorize(data, data.test(), vectorizer);
        // The training metrics are for the report and plots only: a fixed sample keeps them cheap on a wide network.
        LabeledVectors trainSample = fit.slice(0, Math.min(fit.size(), TRAIN_METRICS_SAMPLE));

        MultiLayerNetwork network = MlpFactory.build(vocabulary.size(), options.hiddenSizes(), data.labels().size(),
                options.optimizer(), options.learningRate(), options.learningRateDecay(), options.dropout(),
                options.seed());
        List<EpochMetrics> epochs = new ArrayList<>();
        INDArray bestParams = null;
        EpochMetrics best = null;
        Random shuffle = new Random(options.seed());
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            network.setEpochCount(epoch - 1); // the learning-rate schedule's clock: fit(x, y) does not advance it
            fitEpoch(network, fit, shuffle, vocabulary.size());
            double[] trainMetrics = lossAndAccuracy(network, trainSample, vocabulary.size());
            double[] validationMetrics = lossAndAccuracy(network, validation, vocabulary.size());
            EpochMetrics metrics = new EpochMetrics(epoch, trainMetrics[0], trainMetrics[1], validationMetrics[0],
                    validationMetrics[1], (System.nanoTime() - epochStart) / 1e9);
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
        double seconds = (System.nanoTime() - start) / 1e9;
        ScoredEvaluation scoredTest = evaluate(network, test, data.labels(), vocabulary.size());
        Evaluation evaluation = scoredTest.evaluation();
        ModelManifest manifest = manifest(data, textSource, vocabulary, best, evaluation, fit.size());
        return new Result(manifest, vocabulary, network,
                new TrainingReport(manifest, epochs, best.epoch(), seconds, evaluation, scoredTest.calibration()));
    }

    /** The vectorizer of a model trained on {@code trainingTexts}: their vocabulary, with the options' features. */
    static Vectorizer vectorizer(List<String> trainingTexts, TrainerOptions options) {
        int maxNgram = options.features().maxNgram();
        List<List<String>> terms = trainingTexts.stream()
                .map(text -> Vectorizer.terms(Tokenizer.tokenize(text), maxNgram)).toList();
        return new Vectorizer(Vocabulary.build(terms, options.vocabularySize()), options.features());
    }

    /** Whether {@code candidate} beats {@code best} by the options' selection. */
    private boolean isBetter(EpochMetrics candidate, EpochMetrics best) {
        return switch (options.selection()) {
            case VAL_LOSS -> candidate.validationLoss() < best.validationLoss();
            case VAL_ACCURACY -> candidate.validationAccuracy() > best.validationAccuracy()
                    || (candidate.validationAccuracy() == best.validationAccuracy()
                        && candidate.validationLoss() < best.validationLoss());
        };
    }

    private void fitEpoch(MultiLayerNetwork network, LabeledVectors fit, Random shuffle, int width) {
        int[] order = permutation(fit.size(), shuffle);
        for (int from = 0; from < order.length; from += options.batchSize()) {
            int to = Math.min(order.length, from + options.batchSize());
            network.fit(fit.features(order, from, to, width), fit.oneHot(order, from, to));
        }
    }

    /** Mean categorical cross-entropy and accuracy of the network on {@code part}. */
    static double[] lossAndAccuracy(MultiLayerNetwork network, LabeledVectors part, int width) {
        int[] order = identity(part.size());
        double loss = 0;
        int correct = 0;
        for (int from = 0; from < order.length; from += EVAL_BATCH) {
            int to = Math.min(order.length, from + EVAL_BATCH);
            float[][] scores = rows(network.output(part.features(order, from, to, width), false));
            for (int i = from; i < to; i++) {
                float[] row = scores[i - from];
                int label = part.labels()[i];
                loss -= Math.log(Math.max(row[label], 1e-7));
                if (argmax(row) == label) {
                    correct++;
                }
            }
        }
        return new double[] {loss / part.size(), (double) correct / part.size()};
    }

    /** Test evaluation and calibration as the product classifies: a document without a known word abstains. */
    static ScoredEvaluation evaluate(MultiLayerNetwork network, LabeledVectors test, List<String> labels, int width) {
        List<ScoredPrediction> predictions = new ArrayList<>(test.size());
        int[] order = identity(test.size());
        for (int from = 0; from < order.length; from += EVAL_BATCH) {
            int to = Math.min(order.length, from + EVAL_BATCH);
            float[][] scores = rows(network.output(test.features(order, from, to, width), false));
            for (int i = from; i < to; i++) {
                predictions.add(ScoredPrediction.of(test.vectors().get(i), scores[i - from], test.labels()[i]));
            }
        }
        return ScoredEvaluation.of(labels, test.labels(), predictions);
    }

    private ModelManifest manifest(Dataset data, String textSource, Vocabulary vocabulary, EpochMetrics best,
                                   Evaluation test, int fitSize) {
        NetworkShape shape = new NetworkShape(vocabulary.size(), options.hiddenSizes(), data.labels().size(), "relu", "softmax");
        TrainingSettings settings = new TrainingSettings(options.recipe(), options.maxEpochs(), best.epoch(),
                options.batchSize(), options.optimizer().id(), options.learningRate(), options.seed(),
                options.vocabularySize(), options.recipeVersion(), options.dropout(), options.learningRateDecay(),
                options.patience(), options.selection().id());
        DataProvenance provenance = new DataProvenance(data.name(), textSource, data.fingerprint(), fitSize,
                options.validationSize(), data.test().size());
        Map<String, Double> metrics = Map.of("accuracy", test.accuracy(), "macroF1", test.macroF1(),
                "validationLoss", best.validationLoss(), "validationAccuracy", best.validationAccuracy());
        return new ModelManifest(ModelManifest.formatVersionFor(options.features()), options.modelName(),
                options.modelVersion(), clock.instant().toString(), data.labels(), vocabulary.size(), vocabulary.sha256(),
                options.weighting(), options.features(), shape, settings, provenance, metrics);
    }

    private static LabeledVectors vectorize(Dataset data, List<LabeledDocument> docs, Vectorizer vectorizer) {
        List<SparseVector> vectors = docs.stream().map(d -> featuresOf(vectorizer, d)).toList();
        return new LabeledVectors(vectors, labelIndices(data, docs), data.labels().size());
    }

    /** The feature vector the trainer uses for {@code document}: the shared vectorizer on the document's text. */
    public static SparseVector featuresOf(Vectorizer vectorizer, LabeledDocument document) {
        return vectorizer.vectorize(document.text());
    }

    private static int[] labelIndices(Dataset data, List<LabeledDocument> docs) {
        return docs.stream().mapToInt(d -> data.labelIndex(d.label())).toArray();
    }

    private static float[][] rows(INDArray matrix) {
        float[][] rows = new float[(int) matrix.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = matrix.getRow(i).toFloatVector();
        }
        return rows;
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code 0, 1, ..., n - 1}. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A Fisher-Yates shuffle of {@code 0 ... n - 1} drawn from {@code random}. */
    static int[] permutation(int n, Random random) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
