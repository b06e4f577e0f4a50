package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Expected values are numpy's: {@code np.random.RandomState(seed)._bit_generator.random_raw()} (numpy 2.4). */
class Mt19937Test {

    @Test
    void shouldMatchReferenceOutputForDefaultSeed5489() {
        Mt19937 random = new Mt19937(5489);

        assertThat(random.nextUnsignedInt()).isEqualTo(3499211612L);
        assertThat(random.nextUnsignedInt()).isEqualTo(581869302L);
    }

    @Test
    void shouldMatchNumpyThousandthOutputAcrossStateRegeneration() {
        Mt19937 random = new Mt19937(5489);
        long thousandth = LongStream.range(0, 1000).map(i -> random.nextUnsignedInt()).reduce((a, b) -> b).orElseThrow();

        assertThat(thousandth).isEqualTo(1341017984L);
    }

    @Test
    void shouldMatchNumpyRandomStateOutputsForKerasSeed113() {
        Mt19937 random = new Mt19937(113);

        assertThat(new long[] {random.nextUnsignedInt(), random.nextUnsignedInt(), random.nextUnsignedInt()})
                .containsExactly(3659249829L, 529109724L, 317413538L);
    }

    @Test
    void shouldAcceptTheWholeNumpySeedRange() {
        assertThat(new Mt19937(0).nextUnsignedInt()).isEqualTo(2357136044L);
        assertThat(new Mt19937(4294967295L).nextUnsignedInt()).isEqualTo(419326371L);
    }

    @Test
    void shouldRejectSeedsNumpyRejects() {
        assertThatThrownBy(() -> new Mt19937(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mt19937(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDrawIntervalValuesWithinBounds() {
        Mt19937 random = new Mt19937(42);

        assertThat(LongStream.range(0, 10_000).map(i -> random.nextInterval(6))).allMatch(v -> v >= 0 && v <= 6);
        assertThat(random.nextInterval(0)).isZero();
    }

    @Test
    void shouldUseSmallestAllOnesMaskCoveringMax() {
        assertThat(Mt19937.allOnesMaskCovering(1)).isEqualTo(1);
        assertThat(Mt19937.allOnesMaskCovering(4)).isEqualTo(7);
        assertThat(Mt19937.allOnesMaskCovering(8)).isEqualTo(15);
        assertThat(Mt19937.allOnesMaskCovering(11227)).isEqualTo(16383);
    }
}
