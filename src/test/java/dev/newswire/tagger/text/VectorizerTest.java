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

    @Test
    void shouldLookUpWordBigramsAsTheTokenListDoes() {
        List<String> tokens = Tokenizer.tokenize("Crude oil prices rise; crude OIL output");
        Vocabulary vocabulary = Vocabulary.build(List.of(Vectorizer.terms(tokens, 2)), 100);
        Vectorizer vectorizer = new Vectorizer(vocabulary, new FeatureSpec(FeatureWeighting.TFIDF, false, 2));

        SparseVector v = vectorizer.vectorize("crude-oil prices, and a very-long-token-that-grows-the-pair-buffer-well-beyond-"
                + "its-first-sixty-four-characters crude");

        assertThat(vocabulary.indexOf("crude oil")).isNotNegative();
        assertThat(v.indices()).contains(vocabulary.indexOf("crude oil"), vocabulary.indexOf("oil prices"))
                .doesNotContain(vocabulary.indexOf("prices rise"));
        assertThat(vectorizer.vectorize("Crude oil prices rise; crude OIL output"))
                .isEqualTo(vectorizer.vectorizeTokens(tokens));
        // Words only: the bigram entries of the vocabulary are never looked up.
        assertThat(new Vectorizer(vocabulary, FeatureWeighting.BINARY).vectorize("crude oil").nonZeros()).isEqualTo(2);
    }

    @Test
    void shouldScaleToUnitLengthWhenL2Normalised() {
        Vectorizer vectorizer = new Vectorizer(VOCABULARY, new FeatureSpec(FeatureWeighting.TFIDF, true, 1));
        SparseVector v = vectorizer.vectorize("oil oil wheat prices");
        double norm = 0;
        for (float value : v.values()) {
            norm += value * value;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-6));
        SparseVector raw = new Vectorizer(VOCABULARY, FeatureWeighting.TFIDF).vectorize("oil oil wheat prices");
        assertThat(v.valueAt(0) / v.valueAt(1)).isCloseTo(raw.valueAt(0) / raw.valueAt(1), within(1e-5f));
        assertThat(vectorizer.vectorize("東京").isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseAVocabularyEntryThatIsNeitherATokenNorABigram() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Vocabulary.fromTsv("#documents\t1\nthree word term\t1\t1\n"))
                .hasMessageContaining("not a token or bigram");
        assertThat(Vocabulary.fromTsv("#documents\t1\ncrude oil\t1\t1\n").indexOf("crude oil")).isZero();
    }
}
