package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadReplacementPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final ThreadReplacementPolicy THREE_IN_TEN_MINUTES =
            new ThreadReplacementPolicy(3, Duration.ofMinutes(10));

    @Test
    void shouldReplaceTheFirstThreeFailuresOfAWindowAndRefuseTheFourth() {
        List<Instant> replaced = new ArrayList<>();
        List<Boolean> decisions = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            Instant failure = T0.plus(Duration.ofMinutes(minute));
            boolean replace = THREE_IN_TEN_MINUTES.replaces(replaced, failure);
            decisions.add(replace);
            if (replace) {
                replaced.add(failure);
            }
        }

        assertThat(decisions).containsExactly(true, true, true, false, false);
    }

    @Test
    void shouldForgetReplacementsOnceTheyAreAWindowOld() {
        List<Instant> replaced = List.of(T0, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(2)));

        assertThat(THREE_IN_TEN_MINUTES.replaces(replaced, T0.plus(Duration.ofMinutes(9)))).isFalse();
        // Exactly a window after the first one, that one no longer counts: the window is (now - 10 min, now].
        assertThat(THREE_IN_TEN_MINUTES.inWindow(replaced, T0.plus(Duration.ofMinutes(10)))).isEqualTo(2);
        assertThat(THREE_IN_TEN_MINUTES.replaces(replaced, T0.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(THREE_IN_TEN_MINUTES.replaces(replaced, T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isFalse();
        assertThat(THREE_IN_TEN_MINUTES.inWindow(replaced, T0.plus(Duration.ofMinutes(13)))).isZero();
    }

    @Test
    void shouldCountReplacementsWhateverTheirOrder() {
        List<Instant> replaced = List.of(T0.plus(Duration.ofMinutes(8)), T0, T0.plus(Duration.ofMinutes(9)));

        assertThat(THREE_IN_TEN_MINUTES.inWindow(replaced, T0.plus(Duration.ofMinutes(11)))).isEqualTo(2);
        assertThat(THREE_IN_TEN_MINUTES.replaces(replaced, T0.plus(Duration.ofMinutes(11)))).isTrue();
    }

    @Test
    void shouldShutDownAtTheFirstFailureWhenNoReplacementIsAllowed() {
        ThreadReplacementPolicy none = new ThreadReplacementPolicy(0, Duration.ofMinutes(10));

        assertThat(none.replaces(List.of(), T0)).isFalse();
    }

    @Test
    void shouldRefuseANegativeLimitOrAnEmptyWindow() {
        assertThatThrownBy(() -> new ThreadReplacementPolicy(-1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more, got -1");
        assertThatThrownBy(() -> new ThreadReplacementPolicy(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> new ThreadReplacementPolicy(1, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window must be positive");
    }
}
