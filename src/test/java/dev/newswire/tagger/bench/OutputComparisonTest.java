package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {

    private static String signature(String topic, String score, String at) throws Exception {
        String tagged = "{\"id\":\"b-1\",\"body\":\"x\",\"classification\":{\"topic\":\"" + topic + "\",\"confidence\":"
                + score + ",\"abstained\":false,\"top\":[{\"topic\":\"" + topic + "\",\"score\":" + score + "}],"
                + "\"model\":{\"name\":\"m\",\"version\":\"1\",\"id\":\"abc\"},\"classified_at\":\"" + at + "\"}}";
        return OutputComparison.signature(tagged.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldIgnoreOnlyTheClassificationTime() throws Exception {
        assertThat(signature("crude", "0.93", "2026-01-01T00:00:00Z"))
                .isEqualTo(signature("crude", "0.93", "2026-01-01T00:00:01Z"))
                .isNotEqualTo(signature("crude", "0.9300001", "2026-01-01T00:00:00Z"))
                .isNotEqualTo(signature("ship", "0.93", "2026-01-01T00:00:00Z"))
                .doesNotContain("classified_at");
    }

    @Test
    void shouldCountMismatchesAndArticlesMissingFromEitherRun() throws Exception {
        String crude = signature("crude", "0.9", "t");
        String ship = signature("ship", "0.9", "t");

        Verification v = OutputComparison.compare(Map.of(0, crude, 1, crude, 2, crude), Map.of(0, crude, 1, ship, 3, crude), 4);

        assertThat(v.articles()).isEqualTo(4);
        assertThat(v.compared()).isEqualTo(2);
        assertThat(v.mismatches()).isEqualTo(1);
        assertThat(v.missingInFirst()).isEqualTo(1);
        assertThat(v.missingInSecond()).isEqualTo(1);
        assertThat(v.examples()).singleElement().asString().startsWith("b-1: ");
        assertThat(v.equal()).isFalse();
        assertThat(OutputComparison.compare(Map.of(0, crude), Map.of(0, crude), 1).equal()).isTrue();
    }
}
