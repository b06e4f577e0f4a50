package dev.newswire.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorizerTest {

    private static final Vocabulary VOCABULARY = Vocabulary.build(List.of(
            List.of("oil", "prices", "oil", "rise"),
            List.of("wheat", "prices", "fall"),
            List.of("oil", "wheat")), 10);

    @Test
    void shouldMultiHotEncodeKnownWordsOnce() {
        SparseVector v = new Vectorizer(VOCABULARY, FeatureWeighting.BINARY).vectorize("Oil, OIL and wheat; unknown");
        assertThat(v.dimension()).isEqualTo(5);
        assertThat(v.indices()).containsExactly(VOCABULARY.indexOf("oil"), VOCABULARY.indexOf("wheat"));
        assertThat(v.values()).containsExactly(1f, 1f);
        float[] dense = v.toDense();
        assertThat(dense[VOCABULARY.indexOf("oil")]).isEqualTo(1f);
        assertThat(dense[VOCABULARY.indexOf("prices")]).isZero();
    }

    @Test
    void shouldWeighByKerasTfIdf() {
        SparseVector v = new Vectorizer(VOCABULARY, FeatureWeighting.TFIDF).vectorize("oil oil wheat");
        // Keras: (1 + ln tf) * ln(1 + N / (1 + df)); N = 3 documents, df(oil) = 2, df(wheat) = 2.
        double idf = Math.log(1 + 3.0 / 3.0);
        assertThat(v.valueAt(0)).isCloseTo((float) ((1 + Math.log(2)) * idf), within(1e-6f));
        assertThat(v.valueAt(1)).isCloseTo((float) idf, within(1e-6f));
    }

    @Test
    void shouldGiveAnEmptyVectorWhenNoWordIsKnown() {
        assertThat(new Vectorizer(VOCABULARY, FeatureWeighting.BINARY).vectorize("東京 株価 Москва").isEmpty()).isTrue();
    }
}
