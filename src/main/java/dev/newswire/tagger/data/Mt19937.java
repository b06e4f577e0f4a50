package dev.newswire.tagger.data;

/**
 * The 32-bit Mersenne Twister MT19937 exactly as numpy's legacy {@code np.random.RandomState(seed)} runs it:
 * seeded by the reference {@code init_genrand(seed)} and tempered like the reference {@code genrand_int32}.
 *
 * <p>It exists so that Java reproduces the shuffles numpy made when public datasets were built (the Keras
 * Reuters split). It is not a general-purpose or secure random source. Not thread-safe: one instance per
 * thread.
 */
public final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    /** The largest seed numpy accepts: {@code 2**32 - 1}. */
    public static final long MAX_SEED = 0xffffffffL;

    private final int[] state = new int[N];
    private int index;

    /**
     * Seeds the generator with {@code init_genrand(seed)}, like {@code np.random.RandomState(seed)}.
     *
     * @param seed in [0, 2<sup>32</sup> - 1], the range numpy accepts
     * @throws IllegalArgumentException if the seed is outside that range (numpy raises ValueError)
     */
    public Mt19937(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1, got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            // int arithmetic wraps modulo 2^32, which is what the reference code's "& 0xffffffff" does.
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32-bit output, as an unsigned value in [0, 2<sup>32</sup>). */
    public long nextUnsignedInt() {
        if (index >= N) {
            regenerate();
        }
        return Integer.toUnsignedLong(temper(state[index++]));
    }

    /**
     * A uniformly distributed value in [0, max], drawn as numpy's {@code random_interval} does: mask each
     * 32-bit output with the smallest all-ones mask that covers {@code max} and reject values above it.
     *
     * @param max in [0, 2<sup>32</sup> - 1]
     */
    public long nextInterval(long max) {
        if (max < 0 || max > MAX_SEED) {
            throw new IllegalArgumentException("max must be between 0 and 2^32 - 1, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = allOnesMaskCovering(max);
        long value;
        do {
            value = nextUnsignedInt() & mask;
        } while (value > max);
        return value;
    }

    static long allOnesMaskCovering(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        return mask;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        index = 0;
    }

    private static int temper(int value) {
        int y = value;
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }
}
