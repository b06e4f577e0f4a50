package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newswire.tagger.data.MultiLabelDataset;
import dev.newswire.tagger.data.MultiLabelDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelKind;
import dev.newswire.tagger.model.TopicScore;
import dev.newswire.tagger.text.SparseVector;
import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multi-label model trained on a slice of the real ModApte 90 split (the first 2,000 training documents, 400 of
 * them held out; the first 800 test documents) learns, its bundle round-trips, and the fast engine scores it as
 * DL4J does.
 */
class MultiLabelTrainerTest {

    private static final Logger LOG = LoggerFactory.getLogger(MultiLabelTrainerTest.class);
    private static MultiLabelDataset slice;
    private static MultiLabelTrainer.Result trained;

    @BeforeAll
    static void trainOnASlice() {
        MultiLabelDataset full = Splits.modApte90(ReutersFixture.corpusOrSkip());
        slice = new MultiLabelDataset("modapte90-slice", full.labels(), full.train().subList(0, 2_000),
                full.test().subList(0, 800));
        TrainerOptions wide = Recipe.WIDE.options(400, "slice", "1", 5L);
        TrainerOptions options = new TrainerOptions("slice", 1, wide.features(), 3_000, List.of(64), 0.0,
                wide.optimizer(), 0.005, 1.0, 64, 10, 0, wide.selection(), 5L, 400, "slice", "1");
        trained = new MultiLabelTrainer(options, Clock.systemUTC()).train(slice, e -> LOG.info("{}", e));
    }

    @Test
    void shouldLearnWellAboveTheMostFrequentTopicBaseline() {
        MultiLabelEvaluation test = trained.report().test();
        // Chance level: every test document gets the most frequent training topic (earn).
        String mostFrequent = slice.train().stream().flatMap(d -> d.labels().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(mostFrequent).isEqualTo("earn");
        long earnTest = slice.test().stream().filter(d -> d.labels().contains("earn")).count();
        long trueLabels = slice.test().stream().mapToLong(d -> d.labels().size()).sum();
        double precision = (double) earnTest / slice.test().size();
        double recall = (double) earnTest / trueLabels;
        double baseline = 2 * precision * recall / (precision + recall);
        LOG.info("slice: test micro-F1 {} macro-F1 {} (baseline micro-F1 {}), {} epochs", test.microF1(), test.macroF1(),
                baseline, trained.report().epochs().size());
        assertThat(test.documents()).isEqualTo(800);
        assertThat(test.microF1()).isGreaterThan(0.6).isGreaterThan(baseline + 0.2);
        assertThat(trained.report().validationMicroF1()).isGreaterThan(0.6);
    }

    @Test
    void shouldWriteAMultiLabelManifestWhoseMetricsTheBundleReproduces() throws IOException {
        ModelBundle bundle = ModelBundles.fromBytes(ModelBundles.toBytes(trained.manifest(), trained.vocabulary(),
                trained.network()));
        assertThat(bundle.manifest().kind()).isEqualTo(ModelKind.MULTI_LABEL);
        assertThat(bundle.manifest().formatVersion()).isEqualTo(3);
        assertThat(bundle.manifest().thresholds()).hasSize(90).allSatisfy(t -> assertThat(t).isBetween(0.05, 0.95));
        assertThat(bundle.manifest().training().selection()).isEqualTo("val-micro-f1");
        assertThat(bundle.manifest().data().validationDocuments()).isEqualTo(400);
        // The evaluator (bundle, DL4J classifier) and the trainer (raw network) are separate paths to one figure.
        MultiLabelEvaluation again = MultiLabelEvaluator.evaluate(bundle, slice.test());
        assertThat(again.microF1()).isCloseTo(trained.report().test().microF1(), within(1e-9));
        assertThat(bundle.manifest().testMetrics().get("microF1")).isCloseTo(again.microF1(), within(1e-9));
    }

    @Test
    void shouldScoreEveryTestNewswireWithTheFastEngineAsDl4jDoes() throws IOException {
        ModelBundle bundle = ModelBundles.fromBytes(ModelBundles.toBytes(trained.manifest(), trained.vocabulary(),
                trained.network()));
        double maxDiff = 0;
        int compared = 0;
        for (MultiLabelDocument doc : slice.test()) {
            SparseVector v = bundle.vectorizer().vectorize(doc.text());
            if (v.isEmpty()) {
                continue;
            }
            float[] fast = bundle.newClassifier(InferenceEngine.FAST).scores(v);
            float[] dl4j = bundle.newClassifier(InferenceEngine.DL4J).scores(v);
            for (int t = 0; t < fast.length; t++) {
                maxDiff = Math.max(maxDiff, Math.abs(fast[t] - dl4j[t]));
            }
            assertThat(topics(bundle, InferenceEngine.FAST, doc)).as(doc.id())
                    .isEqualTo(topics(bundle, InferenceEngine.DL4J, doc));
            compared++;
        }
        LOG.info("multi-label slice model: {} test newswires, max |fast - dl4j| = {}", compared, maxDiff);
        assertThat(compared).isGreaterThan(790);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-5);
    }

    private static List<String> topics(ModelBundle bundle, InferenceEngine engine, MultiLabelDocument doc) {
        return bundle.newTopicClassifier(3, engine).classify(doc.text()).topics().stream()
                .sorted(Comparator.comparing(TopicScore::topic)).map(TopicScore::topic).toList();
    }
}
