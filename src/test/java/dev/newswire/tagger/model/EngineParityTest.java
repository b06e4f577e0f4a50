package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.train.Recipe;
import dev.newswire.tagger.train.Trainer;
import dev.newswire.tagger.train.TrainerOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast engine computes what DL4J computes: on every keras46 test newswire (real corpus), the same best topic
 * and scores within 1e-5, for the embedded model (multi-hot), for a small TF-IDF model with two hidden layers
 * of different widths (non-binary feature values, non-square matrices) and for a small model of the wide recipes'
 * kind (L2-normalised TF-IDF with word bigrams, one hidden layer trained with dropout).
 */
class EngineParityTest {

    private static final Logger LOG = LoggerFactory.getLogger(EngineParityTest.class);
    private static final double TOLERANCE = 1e-5;

    private static Dataset keras46;

    @BeforeAll
    static void loadCorpus() {
        keras46 = Splits.keras46(ReutersFixture.corpusOrSkip(), TextSource.OWN);
    }

    @Test
    void shouldGiveTheEmbeddedModelsScoresOnEveryKeras46TestNewswire() throws Exception {
        Parity parity = compare(EmbeddedModel.load(), keras46.test());

        LOG.info("embedded model, {} keras46 test newswires ({} without a known word): max |fast - dl4j| = {}",
                parity.compared(), parity.empty(), parity.maxDiff());
        assertThat(parity.compared()).isEqualTo(2_246);
        assertThat(parity.argmaxDisagreements()).isZero();
        assertThat(parity.maxDiff()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void shouldGiveATfIdfModelsScoresOnEveryKeras46TestNewswire() {
        TrainerOptions options = new TrainerOptions("parity", List.of(32, 16), 2, 2_000, FeatureWeighting.TFIDF, 5L,
                512, 0.001, 1_000, "parity", "1");
        Trainer.Result trained = new Trainer(options, Clock.systemUTC()).train(keras46, "own", e -> { });
        ModelBundle bundle = new ModelBundle(trained.manifest(), trained.vocabulary(), trained.network(),
                SparseMlpWeights.of(trained.network()), "parity");
        assertThat(bundle.vectorizer().vectorize(keras46.test().get(0).text()).valueAt(0)).isNotEqualTo(1f);

        Parity parity = compare(bundle, keras46.test());

        LOG.info("tf-idf 2000-32-16-46 model, {} keras46 test newswires ({} without a known word): max |fast - dl4j| = {}",
                parity.compared(), parity.empty(), parity.maxDiff());
        assertThat(parity.compared()).isEqualTo(2_246);
        assertThat(parity.argmaxDisagreements()).isZero();
        assertThat(parity.maxDiff()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void shouldGiveAWideBigramModelsScoresOnEveryKeras46TestNewswire() {
        // The features and layers of the wide recipes (L2-normalised sublinear TF-IDF, word bigrams, one hidden
        // layer trained with dropout and Adam), smaller: 3,000 terms, 128 units, 2 epochs.
        TrainerOptions wide = Recipe.WIDE_BIGRAMS.options(1_000, "parity", "1", 5L);
        TrainerOptions options = new TrainerOptions("parity", 1, wide.features(), 3_000, List.of(128), wide.dropout(),
                wide.optimizer(), wide.learningRate(), wide.learningRateDecay(), 256, 2, 0, wide.selection(), 5L,
                1_000, "parity", "1");
        Trainer.Result trained = new Trainer(options, Clock.systemUTC()).train(keras46, "own", e -> { });
        ModelBundle bundle = ModelBundles.fromBytes(bundleBytes(trained));
        assertThat(bundle.manifest().features().maxNgram()).isEqualTo(2);
        assertThat(bundle.manifest().formatVersion()).isEqualTo(2);
        assertThat(trained.vocabulary().words()).anyMatch(w -> w.indexOf(' ') > 0);

        Parity parity = compare(bundle, keras46.test());

        LOG.info("tf-idf+l2+bigrams 3000-128-46 dropout model, {} keras46 test newswires ({} without a known term): "
                + "max |fast - dl4j| = {}", parity.compared(), parity.empty(), parity.maxDiff());
        assertThat(parity.compared()).isEqualTo(2_246);
        assertThat(parity.argmaxDisagreements()).isZero();
        assertThat(parity.maxDiff()).isLessThanOrEqualTo(TOLERANCE);
    }

    private static byte[] bundleBytes(Trainer.Result trained) {
        try {
            return ModelBundles.toBytes(trained.manifest(), trained.vocabulary(), trained.network());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldAbstainOnATextWithoutKnownWordsBeforeEitherEngineScores() throws Exception {
        ModelBundle bundle = EmbeddedModel.load();
        String japanese = "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8";
        for (InferenceEngine engine : InferenceEngine.values()) {
            Prediction p = bundle.newTopicClassifier(3, engine).classify(japanese);
            assertThat(p.abstained()).as("%s", engine).isTrue();
            assertThat(p.top()).isEmpty();
        }
        // Were it scored, the empty vector (bias path alone) would still give the same scores.
        SparseVector empty = bundle.vectorizer().vectorize(japanese);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(maxDiff(bundle.newClassifier(InferenceEngine.FAST).scores(empty), bundle.newClassifier().scores(empty)))
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** What comparing the two engines on some documents found. */
    private record Parity(int compared, int empty, int argmaxDisagreements, double maxDiff) {
    }

    private static Parity compare(ModelBundle bundle, List<LabeledDocument> documents) {
        Classifier fast = bundle.newClassifier(InferenceEngine.FAST);
        Classifier dl4j = bundle.newClassifier(InferenceEngine.DL4J);
        int compared = 0;
        int empty = 0;
        int disagreements = 0;
        double max = 0;
        for (LabeledDocument doc : documents) {
            SparseVector vector = bundle.vectorizer().vectorize(doc.text());
            // An empty vector abstains before scoring (see below), but both engines can score it: compare it too.
            empty += vector.isEmpty() ? 1 : 0;
            float[] f = fast.scores(vector);
            float[] d = dl4j.scores(vector);
            compared++;
            disagreements += argmax(f) == argmax(d) ? 0 : 1;
            max = Math.max(max, maxDiff(f, d));
        }
        return new Parity(compared, empty, disagreements, max);
    }

    static double maxDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    static int argmax(float[] scores) {
        return Prediction.topIndices(scores, 1)[0];
    }
}
