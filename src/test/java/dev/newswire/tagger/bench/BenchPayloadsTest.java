package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCycleTheDocumentsWithAUniqueIdEach() throws Exception {
        BenchPayloads payloads = BenchPayloads.of("test", List.of("Oil \"up\"", "Wheat"), List.of("crude ü\nbarrel", ""));

        JsonNode first = JSON.readTree(payloads.value(0));
        JsonNode third = JSON.readTree(payloads.value(2));
        JsonNode fourth = JSON.readTree(payloads.value(1_000_001));

        assertThat(first.get("id").asText()).isEqualTo("b-0");
        assertThat(first.get("headline").asText()).isEqualTo("Oil \"up\"");
        assertThat(first.get("body").asText()).isEqualTo("crude ü\nbarrel");
        assertThat(third.get("id").asText()).isEqualTo("b-2");
        assertThat(third.get("headline").asText()).isEqualTo("Oil \"up\"");
        assertThat(fourth.get("id").asText()).isEqualTo("b-1000001");
        assertThat(fourth.get("headline").asText()).isEqualTo("Wheat");
        assertThat(first.size()).isEqualTo(3);
        assertThat(payloads.size()).isEqualTo(2);
    }

    @Test
    void shouldReadTheArticleNumberBackFromItsKey() {
        assertThat(BenchPayloads.indexOf(BenchPayloads.key(0))).isZero();
        assertThat(BenchPayloads.indexOf(BenchPayloads.key(199_999))).isEqualTo(199_999);
        assertThat(BenchPayloads.indexOf("a-1".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(BenchPayloads.indexOf("b-".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(BenchPayloads.indexOf("b-1x".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(BenchPayloads.indexOf(null)).isEqualTo(-1);
    }

    @Test
    void shouldShipSampleArticlesForMachinesWithoutTheCorpus() throws Exception {
        BenchPayloads samples = BenchPayloads.samples();

        assertThat(samples.size()).isPositive();
        assertThat(JSON.readTree(samples.value(0)).get("body").asText()).isNotBlank();
    }
}
