package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicClassifier;
import dev.newswire.tagger.model.TopicScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's predictions are the stream's, {@link TopicClassifier} on the same bundle and its serving engine;
 * its scores (batched DL4J, the reference engine) equal the stream's within float rounding: the same tolerance as
 * {@code EngineParityTest} (even DL4J alone differs in the last bits between a batch and a single row).
 */
class EvaluatorTest {

    private static final double SCORE_TOLERANCE = 1e-5;

    private static final List<LabeledDocument> DOCUMENTS = List.of(
            new LabeledDocument("g", "wheat harvest grain tonnes", "grain"),
            new LabeledDocument("c", "crude oil barrel opec", "crude"),
            new LabeledDocument("e", "profit dividend shares", "earn"),
            new LabeledDocument("wrong", "crude oil barrel opec", "grain"),
            new LabeledDocument("none", "nothing known here", "earn"),
            new LabeledDocument("unknown-topic", "wheat harvest", "ship"));

    @Test
    void shouldScoreEachDocumentAsTheStreamClassifiesIt() {
        assertSameAsTheStream(FixtureModels.bundle(), DOCUMENTS);
    }

    @Test
    void shouldScoreKeras46TestDocumentsAsTheStreamClassifiesThem() throws Exception {
        Dataset keras46 = Splits.keras46(ReutersFixture.corpusOrSkip(), TextSource.OWN);
        assertSameAsTheStream(EmbeddedModel.load(), keras46.test().subList(0, 300));
    }

    @Test
    void shouldCountTheFixtureDocumentsIntoTheMatrixAndCalibrationByHand() {
        ScoredEvaluation e = Evaluator.evaluateScored(FixtureModels.bundle(), DOCUMENTS);
        ConfusionMatrix m = e.evaluation().confusionMatrix();
        // The bundle's labels first, then the unknown true topic "ship".
        assertThat(m.labels()).containsExactly("grain", "crude", "earn", "ship");
        assertThat(m.counts()).isDeepEqualTo(new int[][] {
            {1, 1, 0, 0},   // grain: "g" right, "wrong" predicted crude
            {0, 1, 0, 0},   // crude: right
            {0, 0, 1, 0},   // earn: "e" right; "none" abstained
            {1, 0, 0, 0}}); // ship: the model does not know it; its wheat words say grain
        assertThat(m.abstained()).containsExactly(0, 0, 1, 0);
        Calibration c = e.calibration();
        assertThat(c.scored()).isEqualTo(5);
        assertThat(c.abstained()).isEqualTo(1);
        assertThat(c.accuracy()).isEqualTo(3.0 / 5);
        // "ship" has probability 0, floored at 1e-7: its share of the NLL alone is 16.1 / 5 = 3.2.
        assertThat(c.meanNegativeLogLikelihood()).isGreaterThan(-Math.log(Calibration.PROBABILITY_FLOOR) / 5);
    }

    private static void assertSameAsTheStream(ModelBundle bundle, List<LabeledDocument> documents) {
        List<ScoredPrediction> scored = Evaluator.scoredPredictions(bundle, documents);
        String[] topics = Evaluator.predictions(bundle, documents);
        TopicClassifier stream = bundle.newTopicClassifier(bundle.labels().size());
        for (int i = 0; i < documents.size(); i++) {
            LabeledDocument d = documents.get(i);
            Prediction expected = stream.classify(d.text());
            ScoredPrediction actual = scored.get(i);
            assertThat(actual.abstained()).as(d.id()).isEqualTo(expected.abstained());
            assertThat(topics[i]).as(d.id()).isEqualTo(expected.topic());
            if (!expected.abstained()) {
                assertThat(bundle.labels().get(actual.predicted())).as(d.id()).isEqualTo(expected.topic());
                assertThat(actual.confidence()).as(d.id()).isCloseTo(expected.confidence(), within(SCORE_TOLERANCE));
                double trueScore = expected.top().stream().filter(s -> s.topic().equals(d.label()))
                        .mapToDouble(TopicScore::score).findFirst().orElse(0);
                assertThat(actual.trueTopicScore()).as(d.id()).isCloseTo(trueScore, within(SCORE_TOLERANCE));
            }
        }
    }
}
