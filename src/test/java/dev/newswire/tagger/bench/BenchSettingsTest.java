package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private static BenchSettings settings(int messages, double rate, int warmup, Map<String, String> config) {
        return new BenchSettings(messages, rate, warmup, 0, 1, false, Optional.empty(), config, Duration.ofSeconds(60), false);
    }

    @Test
    void shouldPassOtherConfigurationThroughAsItIs() {
        BenchSettings s = settings(100, 0, 10, Map.of("classification.top.k", "5", "streams.producer.linger.ms", "5"));

        assertThat(s.config()).containsEntry("classification.top.k", "5").containsEntry("streams.producer.linger.ms", "5");
        assertThat(s.runThreads()).containsExactly(1);
    }

    @Test
    void shouldRefuseToLetSetOverrideWhatTheBenchSetsItself() {
        assertThatThrownBy(() -> settings(100, 0, 10, Map.of("bootstrap.servers", "x:1", "input.topic", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[bootstrap.servers, input.topic]");
        assertThatThrownBy(() -> settings(100, 0, 10, Map.of("num.stream.threads", "2")))
                .hasMessageContaining("--threads");
    }

    @Test
    void shouldRefuseEntriesTheTaggerWouldRefuseBeforeAnythingStarts() {
        assertThatThrownBy(() -> settings(100, 0, 10, Map.of("no.such.key", "1")))
                .hasMessageStartingWith("--set: unknown configuration key 'no.such.key'");
        assertThatThrownBy(() -> settings(100, 0, 10, Map.of("classification.top.k", "0")))
                .hasMessageContaining("classification.top.k");
    }

    @Test
    void shouldRefuseAWarmupThatLeavesNothingToMeasure() {
        assertThatThrownBy(() -> settings(100, 0, 100, Map.of())).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> settings(100, 0, -1, Map.of())).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> settings(0, 0, 0, Map.of())).hasMessageContaining("--messages");
        assertThatThrownBy(() -> settings(100, -5, 0, Map.of())).hasMessageContaining("--rate");
        assertThatThrownBy(() -> settings(100, Double.NaN, 0, Map.of())).hasMessageContaining("--rate");
    }

    @Test
    void shouldRunOneThenTwoStreamThreadsWhenVerifying() {
        BenchSettings s = new BenchSettings(100, 0, 0, 0, 1, true, Optional.of(" "), Map.of(), Duration.ofSeconds(1), false);

        assertThat(s.runThreads()).isEqualTo(List.of(1, 2));
        assertThat(s.bootstrapServers()).isEmpty();
    }

    @Test
    void shouldWarmUpOnATenthOfAShortRunAndOn5000Otherwise() {
        assertThat(BenchSettings.defaultWarmup(3000)).isEqualTo(300);
        assertThat(BenchSettings.defaultWarmup(1)).isZero();
        assertThat(BenchSettings.defaultWarmup(200_000)).isEqualTo(5000);
    }
}
