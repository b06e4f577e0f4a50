package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every recipe, exactly as it is (features, network, optimizer, schedule, early stopping), learns real newswires:
 * trained on a slice of {@code r8} (its first 1,500 training documents, 300 of them held out for validation), it
 * labels the first 600 {@code r8} test documents far better than always answering the slice's most frequent topic.
 * Skipped without the corpus.
 */
class RecipeCorpusSliceTest {

    private static final int TRAIN = 1_500;
    private static final int VALIDATION = 300;
    private static final int TEST = 600;

    @ParameterizedTest
    @EnumSource(Recipe.class)
    void shouldLearnRealNewswiresFromASmallSlice(Recipe recipe) {
        Dataset r8 = Splits.r8(ReutersFixture.corpusOrSkip());
        Dataset slice = new Dataset("r8-slice", r8.labels(), r8.train().subList(0, TRAIN), r8.test().subList(0, TEST));

        Trainer.Result result = new Trainer(recipe.options(VALIDATION, "slice-test", "1", 7L),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).train(slice, "own", e -> { });

        double majority = majorityShare(slice.train(), slice.test());
        assertThat(majority).as("the most frequent topic's share of the test slice").isBetween(0.3, 0.7);
        // Halve the majority baseline's error at least: a recipe that learned nothing cannot.
        double floor = majority + (1 - majority) / 2;
        assertThat(result.report().test().accuracy()).as(recipe.id()).isGreaterThan(floor);
        assertThat(result.report().test().abstained()).as(recipe.id()).isZero();
    }

    /** The share of {@code test} whose topic is the most frequent one in {@code train}. */
    private static double majorityShare(List<LabeledDocument> train, List<LabeledDocument> test) {
        Map<String, Long> counts = train.stream().collect(Collectors.groupingBy(LabeledDocument::label, Collectors.counting()));
        String most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        return (double) test.stream().filter(d -> d.label().equals(most)).count() / test.size();
    }
}
