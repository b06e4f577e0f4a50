package dev.newswire.tagger.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one place where text becomes numbers: tokenizes with {@link Tokenizer}, looks words up in the
 * {@link Vocabulary} and weighs them by the {@link FeatureWeighting}. The trainer and the stream processor both
 * call {@link #vectorize(String)}. Immutable and thread-safe.
 */
public final class Vectorizer {

    private final Vocabulary vocabulary;
    private final FeatureWeighting weighting;
    private final float[] idf;

    public Vectorizer(Vocabulary vocabulary, FeatureWeighting weighting) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        this.idf = weighting == FeatureWeighting.TFIDF ? inverseDocumentFrequencies(vocabulary) : null;
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
        Tokenizer.scan(text, (chars, start, length, hash) -> ids.add(vocabulary.indexOf(chars, start, length, hash)));
        return ids.toVector();
    }

    /** The feature vector of an already tokenized text. */
    public SparseVector vectorizeTokens(List<String> tokens) {
        WordIds ids = new WordIds(dimension());
        for (String token : tokens) {
            ids.add(vocabulary.indexOf(token));
        }
        return ids.toVector();
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
            return new SparseVector(dimension(), indices, values);
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
