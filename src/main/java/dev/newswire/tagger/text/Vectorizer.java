package dev.newswire.tagger.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one place where text becomes numbers: tokenizes with {@link Tokenizer}, looks its terms (words and, if the
 * {@link FeatureSpec} says so, word bigrams) up in the {@link Vocabulary}, weighs them by the
 * {@link FeatureWeighting} and optionally scales the vector to unit length. The trainer and the stream processor
 * both call {@link #vectorize(String)}. Immutable and thread-safe.
 */
public final class Vectorizer {

    private final Vocabulary vocabulary;
    private final FeatureSpec spec;
    private final FeatureWeighting weighting;
    private final float[] idf;

    /** Words only, not normalised. */
    public Vectorizer(Vocabulary vocabulary, FeatureWeighting weighting) {
        this(vocabulary, FeatureSpec.of(weighting));
    }

    public Vectorizer(Vocabulary vocabulary, FeatureSpec spec) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.weighting = spec.weighting();
        this.idf = weighting == FeatureWeighting.TFIDF ? inverseDocumentFrequencies(vocabulary) : null;
    }

    /**
     * The terms of a token list that a vocabulary is built from: the tokens, then, with {@code maxNgram} 2, each
     * pair of adjacent tokens joined by {@link FeatureSpec#BIGRAM_SEPARATOR}.
     */
    public static List<String> terms(List<String> tokens, int maxNgram) {
        if (maxNgram == 1) {
            return tokens;
        }
        List<String> terms = new ArrayList<>(2 * tokens.size());
        terms.addAll(tokens);
        for (int i = 1; i < tokens.size(); i++) {
            terms.add(tokens.get(i - 1) + FeatureSpec.BIGRAM_SEPARATOR + tokens.get(i));
        }
        return terms;
    }

    public FeatureSpec spec() {
        return spec;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public FeatureWeighting weighting() {
        return weighting;
    }

    /** Width of every vector: the vocabulary size. */
    public int dimension() {
        return vocabulary.size();
    }

    /** The feature vector of {@code text}; empty (no non-zeros) when no word of it is in the vocabulary. */
    public SparseVector vectorize(String text) {
        // The same as vectorizeTokens(Tokenizer.tokenize(text)), without a string per token.
        WordIds ids = new WordIds(dimension());
        if (spec.maxNgram() == 1) {
            Tokenizer.scan(text, (chars, start, length, hash) -> ids.add(vocabulary.indexOf(chars, start, length, hash)));
        } else {
            Tokenizer.forEachToken(text, new BigramScanner(ids));
        }
        return ids.toVector();
    }

    /** The feature vector of an already tokenized text. */
    public SparseVector vectorizeTokens(List<String> tokens) {
        WordIds ids = new WordIds(dimension());
        for (String term : terms(tokens, spec.maxNgram())) {
            ids.add(vocabulary.indexOf(term));
        }
        return ids.toVector();
    }

    /**
     * Looks up each token and the bigram it ends, without a string per term: the previous token stays at the
     * start of a buffer, the separator and the current token are written after it, and the whole range is the
     * bigram; then the current token moves to the start.
     */
    private final class BigramScanner implements Tokenizer.TokenSink {
        private final WordIds ids;
        private char[] pair = new char[64];
        private int previous;

        BigramScanner(WordIds ids) {
            this.ids = ids;
        }

        @Override
        public void token(char[] chars, int start, int length) {
            ids.add(vocabulary.indexOf(chars, start, length));
            if (pair.length < previous + 1 + length) {
                pair = Arrays.copyOf(pair, 2 * (previous + 1 + length));
            }
            if (previous > 0) {
                pair[previous] = FeatureSpec.BIGRAM_SEPARATOR;
                System.arraycopy(chars, start, pair, previous + 1, length);
                ids.add(vocabulary.indexOf(pair, 0, previous + 1 + length));
            }
            System.arraycopy(chars, start, pair, 0, length);
            previous = length;
        }
    }

    /**
     * The known words of one text: a bit per vocabulary index (so the distinct indices come out in increasing
     * order without sorting; 1.25 KB for 10,000 words) and, for TF-IDF only, every occurrence to count.
     */
    private final class WordIds {
        private final long[] present;
        private int[] occurrences;
        private int size;

        WordIds(int dimension) {
            present = new long[(dimension + 63) >>> 6];
            occurrences = weighting == FeatureWeighting.TFIDF ? new int[64] : null;
        }

        /** Notes the index of a word; -1 (an unknown word) is skipped. */
        void add(int id) {
            if (id < 0) {
                return;
            }
            present[id >>> 6] |= 1L << id;
            if (occurrences != null) {
                if (size == occurrences.length) {
                    occurrences = Arrays.copyOf(occurrences, 2 * size);
                }
                occurrences[size++] = id;
            }
        }

        SparseVector toVector() {
            int distinct = 0;
            for (long word : present) {
                distinct += Long.bitCount(word);
            }
            int[] indices = new int[distinct];
            int k = 0;
            for (int w = 0; w < present.length; w++) {
                for (long bits = present[w]; bits != 0; bits &= bits - 1) {
                    indices[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                }
            }
            float[] values = new float[distinct];
            if (occurrences == null) {
                Arrays.fill(values, 1.0f);
            } else {
                Arrays.sort(occurrences, 0, size);
                for (int i = 0, d = 0; i < size; d++) {
                    int j = i;
                    while (j < size && occurrences[j] == occurrences[i]) {
                        j++;
                    }
                    values[d] = weigh(occurrences[i], j - i);
                    i = j;
                }
            }
            if (spec.l2Normalized()) {
                normalize(values);
            }
            return new SparseVector(dimension(), indices, values);
        }
    }

    /** Scales {@code values} to unit Euclidean length (summed in double); all zeros stay zeros. */
    private static void normalize(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        if (sum > 0) {
            double scale = 1.0 / Math.sqrt(sum);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (values[i] * scale);
            }
        }
    }

    private float weigh(int index, int termCount) {
        return switch (weighting) {
            case BINARY -> 1.0f;
            case TFIDF -> (float) (1.0 + Math.log(termCount)) * idf[index];
        };
    }

    private static float[] inverseDocumentFrequencies(Vocabulary vocabulary) {
        float[] idf = new float[vocabulary.size()];
        double n = vocabulary.documentCount();
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) Math.log(1.0 + n / (1.0 + vocabulary.documentFrequency(i)));
        }
        return idf;
    }
}
