package dev.newswire.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.data.ReutersDocument;
import dev.newswire.tagger.data.ReutersFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer and the vectorizer, rewritten to make no string per token, give exactly what the string-per-token
 * versions ({@link ReferenceTokenizer}, and the vectorizer's HashMap lookup and sort here) gave: on every document
 * of Reuters-21578, its own text and the raw Keras text, and on random text made of the characters where lower
 * casing and separating are subtle.
 */
class TokenizerCorpusTest {

    private static List<ReutersDocument> corpus;

    @BeforeAll
    static void loadCorpus() {
        corpus = ReutersFixture.corpusOrSkip();
    }

    @Test
    void shouldTokenizeEveryReutersDocumentAsTheReferenceTokenizer() {
        assertThat(corpus).hasSize(21_578);
        List<String> differing = new ArrayList<>();
        for (ReutersDocument doc : corpus) {
            if (!Tokenizer.tokenize(doc.text()).equals(ReferenceTokenizer.tokenize(doc.text()))) {
                differing.add(doc.id() + " (own text)");
            }
            if (!Tokenizer.tokenize(doc.kerasText()).equals(ReferenceTokenizer.tokenize(doc.kerasText()))) {
                differing.add(doc.id() + " (keras text)");
            }
        }
        assertThat(differing).as("documents tokenized differently").isEmpty();
    }

    @Test
    void shouldTokenizeRandomTextOfSubtleCharactersAsTheReferenceTokenizer() {
        Random random = new Random(42);
        for (int n = 0; n < 50_000; n++) {
            String text = randomText(random);
            List<String> expected = ReferenceTokenizer.tokenize(text);
            List<String> actual = Tokenizer.tokenize(text);
            if (!actual.equals(expected)) {
                assertThat(actual).as("text %s", escaped(text)).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldVectorizeRandomTextOfSubtleCharactersAsTheReferenceVectorizer() {
        // Every word of the texts is known, so that a token looked up wrongly (a wrong hash) shows.
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            texts.add(randomText(random));
        }
        Vocabulary vocabulary = Vocabulary.build(texts.stream().map(ReferenceTokenizer::tokenize).toList(), 1_000_000);
        for (FeatureWeighting weighting : FeatureWeighting.values()) {
            Vectorizer vectorizer = new Vectorizer(vocabulary, weighting);
            Reference reference = new Reference(vocabulary, weighting);
            for (String text : texts) {
                SparseVector expected = reference.vectorize(text);
                SparseVector actual = vectorizer.vectorize(text);
                if (!actual.equals(expected)) {
                    assertThat(actual).as("%s: text %s", weighting, escaped(text)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void shouldVectorizeEveryReutersDocumentAsTheReferenceVectorizer() {
        List<List<String>> tokens = new ArrayList<>();
        corpus.forEach(d -> tokens.add(ReferenceTokenizer.tokenize(d.text())));
        Vocabulary vocabulary = Vocabulary.build(tokens, 10_000);
        List<String> differing = new ArrayList<>();
        for (FeatureWeighting weighting : FeatureWeighting.values()) {
            Vectorizer vectorizer = new Vectorizer(vocabulary, weighting);
            Reference reference = new Reference(vocabulary, weighting);
            for (ReutersDocument doc : corpus) {
                for (String text : List.of(doc.text(), doc.kerasText())) {
                    SparseVector expected = reference.vectorize(text);
                    if (!vectorizer.vectorize(text).equals(expected)
                            || !vectorizer.vectorizeTokens(Tokenizer.tokenize(text)).equals(expected)) {
                        differing.add(weighting.id() + ": " + doc.id());
                    }
                }
            }
        }
        assertThat(differing).as("documents vectorized differently").isEmpty();
    }

    /** The vectorizer as it was: a string per token, a HashMap lookup, sorted indices, Keras' weights. */
    private static final class Reference {
        private final Map<String, Integer> index = new HashMap<>();
        private final Vocabulary vocabulary;
        private final FeatureWeighting weighting;

        Reference(Vocabulary vocabulary, FeatureWeighting weighting) {
            this.vocabulary = vocabulary;
            this.weighting = weighting;
            for (int i = 0; i < vocabulary.size(); i++) {
                index.put(vocabulary.word(i), i);
            }
        }

        SparseVector vectorize(String text) {
            int[] ids = ReferenceTokenizer.tokenize(text).stream().filter(index::containsKey).mapToInt(index::get)
                    .sorted().toArray();
            int[] indices = new int[ids.length];
            float[] values = new float[ids.length];
            int distinct = 0;
            for (int i = 0; i < ids.length; ) {
                int j = i;
                while (j < ids.length && ids[j] == ids[i]) {
                    j++;
                }
                float idf = (float) Math.log(1.0 + (double) vocabulary.documentCount() / (1.0 + vocabulary.documentFrequency(ids[i])));
                indices[distinct] = ids[i];
                values[distinct++] = weighting == FeatureWeighting.BINARY ? 1.0f : (float) (1.0 + Math.log(j - i)) * idf;
                i = j;
            }
            return new SparseVector(vocabulary.size(), Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
        }
    }

    /**
     * ASCII letters and separators; letters whose lower case needs context (capital sigma), expands (dotted
     * capital I), or is ASCII (Kelvin sign); a supplementary letter with a lower case (Deseret) and one without;
     * a supplementary format character; format characters, Unicode spaces, unpaired surrogates.
     */
    private static final String[] ALPHABET = {
        "a", "B", "z", "Q", "0", "7", "'", " ", ".", "-", "\t", "\n", "\r", "\u000b", "\u001c", "\u0000", "\u007f",
        "\u00c9", "\u00df", "\u0130", "\u03a3", "\u03a3", "\u03c2", "\u0391", "\u212a", "\u01c5", "\u0416",
        "\u00a0", "\u2003", "\u2028", "\u3000", "\u200b", "\u200d", "\u00ad", "\ufeff",
        "\ud801\udc00", "\ud835\udc00", "\ud834\udd73", "\ud800", "\udc00",
    };

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(30);
        // Often a long ASCII start, so that the scan turns to the lower-cased text in the middle of a token.
        if (random.nextBoolean()) {
            sb.append("Oil PRICES rose".substring(0, random.nextInt(16)));
        }
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(4)] : ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> sb.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.toString();
    }
}
