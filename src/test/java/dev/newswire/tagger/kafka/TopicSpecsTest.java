package dev.newswire.tagger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSpecsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheProjectTopicsPackagedInTheJar() {
        List<TopicSpec> specs = TopicSpecs.loadDefault();

        assertThat(specs).extracting(TopicSpec::name).containsExactly(
                "newswire", "newswire-tagged", "newswire-dlq", "newswire-models", "newswire-model-events",
                "newswire-shadow");
        assertThat(TopicSpecs.find(specs, "newswire").partitions()).isEqualTo(4);
        assertThat(TopicSpecs.find(specs, "newswire-tagged").partitions()).isEqualTo(4);
        assertThat(TopicSpecs.find(specs, "newswire-dlq").configs())
                .containsEntry("retention.ms", Long.toString(14L * 24 * 60 * 60 * 1000));
        assertThat(TopicSpecs.find(specs, "newswire-models").configs())
                .containsEntry("cleanup.policy", "compact")
                .containsEntry("max.message.bytes", "33554432");
        assertThat(TopicSpecs.find(specs, "newswire-model-events").partitions()).isEqualTo(1);
    }

    @Test
    void shouldLetADeadLetterCarryAWholeInputRecordPlusHeaders() {
        List<TopicSpec> specs = TopicSpecs.loadDefault();
        int inputLimit = Integer.parseInt(TopicSpecs.find(specs, "newswire").configs().get("max.message.bytes"));
        int dlqLimit = Integer.parseInt(TopicSpecs.find(specs, "newswire-dlq").configs().get("max.message.bytes"));

        assertThat(inputLimit).isGreaterThanOrEqualTo(1024 * 1024);
        assertThat(dlqLimit).isGreaterThanOrEqualTo(inputLimit + 512 * 1024);
    }

    @Test
    void shouldReadTheRepositoryFileAsTheSameSpecsAsThePackagedOne() throws IOException {
        assertThat(TopicSpecs.load(RepoFiles.resolve("topics/topics.json"))).isEqualTo(TopicSpecs.loadDefault());
    }

    @Test
    void shouldNameTheFileAndPositionOfMalformedJson() throws IOException {
        Path file = write("[\n  {\"name\": \"a\", \"partitions\": 1,,\n]");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("malformed JSON at line 2");
    }

    @Test
    void shouldNameTheEntryWhosePartitionsAreNotPositive() throws IOException {
        Path file = write("""
                [{"name": "ok", "partitions": 1, "replicationFactor": 1, "configs": {}},
                 {"name": "bad", "partitions": 0, "replicationFactor": 1, "configs": {}}]""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("entry 2 (\"bad\")")
                .hasMessageContaining("partitions must be >= 1, was 0");
    }

    @Test
    void shouldNameAnUnknownPropertyOfAnEntry() throws IOException {
        Path file = write("""
                [{"name": "typo", "partition": 1, "replicationFactor": 1, "configs": {}}]""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining("entry 1 (\"typo\")")
                .hasMessageContaining("unknown property \"partition\"");
    }

    @Test
    void shouldRequireEveryPropertyIncludingConfigs() throws IOException {
        Path file = write("""
                [{"name": "bare", "partitions": 1, "replicationFactor": 1}]""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining("entry 1 (\"bare\")")
                .hasMessageContaining("configs");
    }

    @Test
    void shouldRejectAnIllegalTopicName() throws IOException {
        Path file = write("""
                [{"name": "news wire", "partitions": 1, "replicationFactor": 1, "configs": {}}]""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining("entry 1 (\"news wire\")")
                .hasMessageContaining("illegal topic name");
    }

    @Test
    void shouldRequireConfigValuesToBeStrings() throws IOException {
        Path file = write("""
                [{"name": "numbers", "partitions": 1, "replicationFactor": 1, "configs": {"retention.ms": 1000}}]""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining("entry 1 (\"numbers\")")
                .hasMessageContaining("configs.retention.ms");
    }

    @Test
    void shouldRejectATopicDefinedTwice() throws IOException {
        Path file = write("""
                [{"name": "twice", "partitions": 1, "replicationFactor": 1, "configs": {}},
                 {"name": "twice", "partitions": 2, "replicationFactor": 1, "configs": {}}]""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining("topic \"twice\" is defined twice, in entries 1 and 2");
    }

    @Test
    void shouldRejectADocumentThatIsNotAnArray() throws IOException {
        Path file = write("""
                {"name": "alone", "partitions": 1, "replicationFactor": 1, "configs": {}}""");

        assertThatThrownBy(() -> TopicSpecs.load(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> TopicSpecs.load(file)).hasMessageContaining("empty");
    }

    @Test
    void shouldSayWhenTheFileDoesNotExist() {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> TopicSpecs.load(missing)).hasMessageContaining(missing + " does not exist");
    }

    @Test
    void shouldListTheKnownTopicsWhenFindingAnUnknownOne() {
        List<TopicSpec> specs = List.of(new TopicSpec("a", 1, 1, Map.of()), new TopicSpec("b", 1, 1, Map.of()));

        assertThatThrownBy(() -> TopicSpecs.find(specs, "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"c\"")
                .hasMessageContaining("[a, b]");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("topics.json"), json);
    }
}
