package dev.newswire.tagger.stream;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadFailureHandlerTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final StreamsException failure = new StreamsException("send failed");

    @Test
    void shouldReplaceTwiceThenShutTheClientDown() {
        ThreadFailureHandler handler = new ThreadFailureHandler(new ThreadReplacementPolicy(2, Duration.ofMinutes(1)), clock);

        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofSeconds(10));
        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.gaveUp()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(handler.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.gaveUp()).isTrue();
    }

    @Test
    void shouldReplaceAgainOnceEarlierReplacementsHaveLeftTheWindow() {
        ThreadFailureHandler handler = new ThreadFailureHandler(new ThreadReplacementPolicy(2, Duration.ofMinutes(1)), clock);

        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofSeconds(30));
        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofSeconds(31));
        // The first replacement is 61 s old: one left in the window, so one more is allowed, then none.
        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.gaveUp()).isTrue();
    }

    @Test
    void shouldShutDownAtOnceWithoutReplacements() {
        ThreadFailureHandler handler = new ThreadFailureHandler(new ThreadReplacementPolicy(0, Duration.ofMinutes(1)), clock);

        assertThat(handler.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.gaveUp()).isTrue();
    }

    /** A clock that stands still until the test moves it. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
