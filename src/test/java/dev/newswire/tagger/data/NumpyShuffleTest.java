package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values are numpy's: {@code a = np.arange(n); np.random.RandomState(seed).shuffle(a)}. */
class NumpyShuffleTest {

    @Test
    void shouldReproduceKerasReutersPermutationForSeed113() {
        int[] permutation = NumpyShuffle.permutation(11_228, 113);

        assertThat(Arrays.copyOf(permutation, 5)).containsExactly(1341, 4427, 5095, 2044, 3024);
        assertThat(Arrays.copyOfRange(permutation, 11_223, 11_228)).containsExactly(791, 2710, 11010, 6306, 4828);
    }

    @Test
    void shouldMatchNumpyOnSmallArrays() {
        assertThat(NumpyShuffle.permutation(10, 7)).containsExactly(8, 5, 0, 2, 1, 9, 7, 3, 6, 4);
        assertThat(NumpyShuffle.permutation(5, 0)).containsExactly(2, 0, 1, 3, 4);
        assertThat(NumpyShuffle.permutation(2, 1)).containsExactly(0, 1);
        assertThat(NumpyShuffle.permutation(1, 3)).containsExactly(0);
        assertThat(NumpyShuffle.permutation(0, 3)).isEmpty();
    }

    @Test
    void shouldReturnEachIndexExactlyOnce() {
        int[] sorted = NumpyShuffle.permutation(1000, 9).clone();
        Arrays.sort(sorted);

        for (int i = 0; i < sorted.length; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
    }
}
