package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.train.Evaluation;
import dev.newswire.tagger.train.Evaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model shipped in the jar is the keras46 (own text) model of the default network, and it is good. */
class EmbeddedModelTest {

    @Test
    void shouldShipTheDefaultNetworkTrainedOnKeras46() throws Exception {
        ModelBundle model = EmbeddedModel.load();
        ModelManifest m = model.manifest();
        assertThat(m.name()).isEqualTo("newswire-keras46");
        assertThat(m.labels()).hasSize(46).startsWith("cocoa", "grain", "veg-oil", "earn", "acq");
        assertThat(m.vocabularySize()).isEqualTo(10_000);
        assertThat(m.featureWeighting()).isEqualTo(FeatureWeighting.BINARY);
        assertThat(m.network().hiddenSizes()).isEqualTo(List.of(64, 64));
        assertThat(m.data().split()).isEqualTo("keras46");
        assertThat(m.data().textSource()).isEqualTo("own");
        assertThat(m.testMetrics().get("accuracy")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void shouldReachItsRecordedAccuracyOnTheKeras46TestSplit() throws Exception {
        Dataset keras46 = Splits.keras46(ReutersFixture.corpusOrSkip(), TextSource.OWN);
        ModelBundle model = EmbeddedModel.load();
        assertThat(model.manifest().data().fingerprint()).isEqualTo(keras46.fingerprint());
        Evaluation evaluation = Evaluator.evaluate(model, keras46.test());
        assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.85)
                .isEqualTo(model.manifest().testMetrics().get("accuracy"));
    }
}
