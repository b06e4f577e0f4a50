package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.text.FeatureWeighting;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trains on generated documents whose topic is decided by their words, so the right answer is known. */
class TrainerTest {

    private static final List<String> LABELS = List.of("grain", "crude", "earn", "ship");
    private static final List<List<String>> TOPIC_WORDS = List.of(
            List.of("wheat", "corn", "harvest", "tonnes", "grain", "crop"),
            List.of("oil", "crude", "barrel", "opec", "refinery", "output"),
            List.of("profit", "dividend", "share", "quarter", "net", "earnings"),
            List.of("vessel", "port", "cargo", "tanker", "freight", "strike"));
    private static final List<String> NOISE = List.of("the", "said", "a", "of", "in", "to", "and", "reuter", "mln", "pct");

    static Dataset generated(int train, int test, long seed) {
        Random random = new Random(seed);
        return new Dataset("generated", LABELS, docs("tr", train, random), docs("te", test, random));
    }

    private static List<LabeledDocument> docs(String prefix, int n, Random random) {
        List<LabeledDocument> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(LABELS.size());
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                List<String> pool = random.nextInt(3) == 0 ? TOPIC_WORDS.get(label) : NOISE;
                text.append(pool.get(random.nextInt(pool.size()))).append(' ');
            }
            docs.add(new LabeledDocument(prefix + i, text.toString(), LABELS.get(label)));
        }
        return docs;
    }

    private static TrainerOptions options(FeatureWeighting weighting) {
        return new TrainerOptions("test", List.of(16), 8, 100, weighting, 5L, 32, 0.01, 50, "t", "1");
    }

    @Test
    void shouldLearnTopicsWellAboveChanceAndKeepTheBestValidationEpoch() throws Exception {
        List<EpochMetrics> seen = new ArrayList<>();
        Trainer.Result result = new Trainer(options(FeatureWeighting.BINARY), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .train(generated(400, 200, 1), "generated", seen::add);

        assertThat(seen).hasSize(8);
        assertThat(result.report().test().accuracy()).isGreaterThan(0.8); // chance is 0.25
        EpochMetrics best = seen.stream().min((x, y) -> Double.compare(x.validationLoss(), y.validationLoss())).orElseThrow();
        assertThat(result.report().bestEpoch()).isEqualTo(best.epoch());
        assertThat(result.manifest().training().bestEpoch()).isEqualTo(best.epoch());
        assertThat(result.manifest().data().trainDocuments()).isEqualTo(350);
        assertThat(result.manifest().data().validationDocuments()).isEqualTo(50);
        assertThat(result.manifest().labels()).isEqualTo(LABELS);

        // The kept weights are the best epoch's: recomputing the validation loss gives the recorded minimum.
        ModelBundle bundle = ModelBundles.fromBytes(
                ModelBundles.toBytes(result.manifest(), result.vocabulary(), result.network()));
        assertThat(bundle.manifest().testMetrics().get("accuracy")).isEqualTo(result.report().test().accuracy());
        assertThat(Evaluator.evaluate(bundle, generated(400, 200, 1).test()).accuracy())
                .isEqualTo(result.report().test().accuracy());
    }

    @Test
    void shouldLearnWithTfIdfFeaturesToo() {
        Trainer.Result result = new Trainer(options(FeatureWeighting.TFIDF), Clock.systemUTC())
                .train(generated(400, 200, 2), "generated", e -> { });
        assertThat(result.report().test().accuracy()).isGreaterThan(0.8);
        assertThat(result.manifest().featureWeighting()).isEqualTo(FeatureWeighting.TFIDF);
    }

    @Test
    void shouldBeReproducibleForTheSameSeed() {
        Trainer trainer = new Trainer(options(FeatureWeighting.BINARY), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Trainer.Result first = trainer.train(generated(200, 50, 3), "generated", e -> { });
        Trainer.Result second = trainer.train(generated(200, 50, 3), "generated", e -> { });
        assertThat(second.network().params()).isEqualTo(first.network().params());
    }

    @Test
    void shouldRefuseTooFewTrainingDocumentsForTheValidationHoldOut() {
        assertThatThrownBy(() -> new Trainer(options(FeatureWeighting.BINARY), Clock.systemUTC())
                .train(generated(50, 10, 4), "generated", e -> { }))
                .hasMessageContaining("needs more than the 50 held out");
    }
}
