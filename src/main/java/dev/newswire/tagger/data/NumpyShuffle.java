package dev.newswire.tagger.data;

/**
 * numpy's legacy {@code RandomState.shuffle} of a one-dimensional array, bit for bit: a Fisher–Yates
 * shuffle from the last index down to 1 that swaps element {@code i} with element
 * {@code j = random_interval(i)} (see {@link Mt19937#nextInterval(long)}).
 */
public final class NumpyShuffle {

    private NumpyShuffle() {
    }

    /**
     * The array {@code np.arange(n)} after {@code np.random.RandomState(seed).shuffle(...)}: element
     * {@code k} is the original index of the item that ends at position {@code k}.
     *
     * @param n    number of items, at least 0
     * @param seed in [0, 2<sup>32</sup> - 1]
     * @return a new array holding a permutation of 0 … n-1
     */
    public static int[] permutation(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        shuffle(values, new Mt19937(seed));
        return values;
    }

    /** Shuffles {@code values} in place with {@code random}, as numpy's legacy shuffle does. */
    public static void shuffle(int[] values, Mt19937 random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) random.nextInterval(i);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }
}
