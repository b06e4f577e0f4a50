package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.model.Classifier;
import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelManifest;
import dev.newswire.tagger.text.SparseVector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every recipe, as it is, learns the generated topics of {@link TrainerTest} (a slice small enough to train in
 * seconds), records itself in the manifest, and gives a bundle the fast engine serves with DL4J's scores.
 */
class RecipeTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(Recipe.class)
    void shouldLearnWellAboveChanceAndServeTheSameOnBothEngines(Recipe recipe) throws Exception {
        Dataset data = TrainerTest.generated(1_200, 300, 11);
        Trainer.Result result = new Trainer(recipe.options(200, "recipe-test", "1", 5L),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).train(data, "generated", e -> { });

        assertThat(result.report().test().accuracy()).as(recipe.id()).isGreaterThan(0.75); // chance is 0.25
        ModelManifest manifest = result.manifest();
        assertThat(manifest.training().recipe()).isEqualTo(recipe.id());
        assertThat(manifest.training().recipeVersion()).isEqualTo(recipe.version());
        assertThat(manifest.features()).isEqualTo(recipe.options(200, "x", "1").features());
        assertThat(manifest.formatVersion()).isEqualTo(ModelManifest.formatVersionFor(manifest.features()));

        ModelBundle bundle = ModelBundles.fromBytes(ModelBundles.toBytes(manifest, result.vocabulary(), result.network()));
        assertThat(bundle.manifest()).isEqualTo(manifest);
        Classifier fast = bundle.newClassifier(InferenceEngine.FAST);
        Classifier dl4j = bundle.newClassifier(InferenceEngine.DL4J);
        for (LabeledDocument doc : data.test()) {
            SparseVector v = bundle.vectorizer().vectorize(doc.text());
            float[] f = fast.scores(v);
            float[] d = dl4j.scores(v);
            for (int i = 0; i < f.length; i++) {
                assertThat((double) f[i]).as("%s, %s", recipe.id(), doc.id()).isCloseTo(d[i],
                        org.assertj.core.api.Assertions.within(TOLERANCE));
            }
        }
    }

    @Test
    void shouldResolveBestToARecipeAndNameTheValidOnesOtherwise() {
        assertThat(Recipe.byName("BEST")).isEqualTo(Recipe.best());
        assertThat(Recipe.byName(" seed ")).isEqualTo(Recipe.SEED);
        assertThat(Recipe.byName("wide-bigrams")).isEqualTo(Recipe.WIDE_BIGRAMS);
        assertThatThrownBy(() -> Recipe.byName("fastest")).hasMessageContaining("unknown recipe 'fastest'")
                .hasMessageContaining("seed, wide, wide-bigrams, wide-tuned, compact, best");
    }

    @Test
    void shouldKeepTheSeedRecipeTheKerasExample() {
        TrainerOptions seed = TrainerOptions.kerasExample();
        assertThat(seed.recipe()).isEqualTo("seed");
        assertThat(seed.features().id()).isEqualTo("binary");
        assertThat(seed.vocabularySize()).isEqualTo(10_000);
        assertThat(seed.hiddenSizes()).containsExactly(64, 64);
        assertThat(seed.optimizer()).isEqualTo(TrainerOptions.Optimizer.RMSPROP);
        assertThat(seed.learningRate()).isEqualTo(0.001);
        assertThat(seed.learningRateDecay()).isEqualTo(1.0);
        assertThat(seed.batchSize()).isEqualTo(512);
        assertThat(seed.maxEpochs()).isEqualTo(20);
        assertThat(seed.patience()).isZero();
        assertThat(seed.dropout()).isZero();
        assertThat(seed.selection()).isEqualTo(TrainerOptions.Selection.VAL_LOSS);
    }

    @Test
    void shouldStopEarlyAfterPatienceEpochsWithoutABetterValidationScore() {
        TrainerOptions wide = Recipe.WIDE.options(200, "t", "1", 5L);
        TrainerOptions patient = new TrainerOptions("p", 1, wide.features(), 1_000, wide.hiddenSizes(), 0.5,
                TrainerOptions.Optimizer.ADAM, 0.01, 1.0, 64, 30, 2, TrainerOptions.Selection.VAL_LOSS, 5L, 200, "t", "1");
        Trainer.Result result = new Trainer(patient, Clock.systemUTC())
                .train(TrainerTest.generated(1_200, 100, 12), "generated", e -> { });

        // Separable data, a high rate: the validation loss bottoms out early and training stops 2 epochs later.
        assertThat(result.report().epochs()).hasSizeLessThan(30);
        assertThat(result.report().epochs().size()).isEqualTo(result.report().bestEpoch() + 2);
    }
}
