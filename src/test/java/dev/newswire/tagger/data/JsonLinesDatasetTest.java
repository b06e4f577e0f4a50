package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesDatasetTest {

    @TempDir
    Path temp;

    private Path file(String name, String... lines) throws IOException {
        return Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertBadFile(Path file, int line) {
        return assertThatThrownBy(() -> JsonLinesDataset.readDocuments(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(file + ":" + line + ": ");
    }

    @Test
    void shouldReadTrainAndTestFilesWithSortedLabels() throws IOException {
        Path train = file("train.jsonl",
                "{\"id\": \"a1\", \"text\": \"Acme buys Beta\", \"label\": \"acq\"}",
                "",
                "{\"headline\": \"Widget net up\", \"body\": \"Widget Co said net rose.\", \"label\": \"earn\"}");
        Path test = file("test.jsonl",
                "{\"id\": 7, \"body\": \"Wheat exports fell.\", \"label\": \"grain\", \"source\": \"ignored\"}",
                "{\"headline\": \"  Only a headline \", \"label\": \"earn\"}");

        Dataset dataset = JsonLinesDataset.read("tiny", train, test);

        assertThat(dataset.name()).isEqualTo("tiny");
        assertThat(dataset.labels()).containsExactly("acq", "earn", "grain");
        assertThat(dataset.train()).containsExactly(
                new LabeledDocument("a1", "Acme buys Beta", "acq"),
                new LabeledDocument("train.jsonl:3", "Widget net up\nWidget Co said net rose.", "earn"));
        assertThat(dataset.test()).containsExactly(
                new LabeledDocument("7", "Wheat exports fell.", "grain"),
                new LabeledDocument("test.jsonl:2", "Only a headline", "earn"));
    }

    @Test
    void shouldSplitOneFileReproduciblyBySeed() throws IOException {
        Path all = file("all.jsonl", IntStream.range(0, 20)
                .mapToObj(i -> "{\"id\": \"d" + i + "\", \"text\": \"text " + i + "\", \"label\": \"" + (i % 3 == 0 ? "x" : "y") + "\"}")
                .toArray(String[]::new));

        Dataset first = JsonLinesDataset.readWithSplit("all", all, 0.25, 42);
        Dataset again = JsonLinesDataset.readWithSplit("all", all, 0.25, 42);
        Dataset otherSeed = JsonLinesDataset.readWithSplit("all", all, 0.25, 43);

        assertThat(first.train()).hasSize(15);
        assertThat(first.test()).hasSize(5);
        assertThat(again).isEqualTo(first);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(otherSeed.train()).isNotEqualTo(first.train());
        int[] order = NumpyShuffle.permutation(20, 42);
        assertThat(first.train().get(0).id()).isEqualTo("d" + order[0]);
        assertThat(first.test().get(4).id()).isEqualTo("d" + order[19]);
        assertThat(first.train().stream().map(LabeledDocument::id).collect(Collectors.toSet()))
                .doesNotContainAnyElementsOf(first.test().stream().map(LabeledDocument::id).toList());
    }

    @Test
    void shouldRejectBadSplitParameters() throws IOException {
        Path one = file("one.jsonl", "{\"text\": \"t\", \"label\": \"l\"}");
        Path two = file("two.jsonl", "{\"text\": \"t\", \"label\": \"l\"}", "{\"text\": \"u\", \"label\": \"l\"}");

        assertThatThrownBy(() -> JsonLinesDataset.readWithSplit("d", two, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLinesDataset.readWithSplit("d", two, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLinesDataset.readWithSplit("d", two, 0.5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLinesDataset.readWithSplit("d", one, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few");
        assertThat(JsonLinesDataset.readWithSplit("d", two, 0.5, 1).test()).hasSize(1);
    }

    @Test
    void shouldNameFileAndLineOfLineThatIsNotJson() throws IOException {
        Path bad = file("bad.jsonl", "{\"text\": \"t\", \"label\": \"l\"}", "{\"text\": \"t\", \"label\": ");

        assertBadFile(bad, 2).hasMessageContaining("not JSON");
    }

    @Test
    void shouldNameFileAndLineOfTwoObjectsOnOneLine() throws IOException {
        assertBadFile(file("two.jsonl", "{\"text\": \"t\", \"label\": \"l\"} {\"text\": \"u\", \"label\": \"l\"}"), 1)
                .hasMessageContaining("not JSON");
    }

    @Test
    void shouldNameFileAndLineOfLineThatIsNotAnObject() throws IOException {
        assertBadFile(file("array.jsonl", "[\"text\", \"label\"]"), 1).hasMessageContaining("not a JSON object but array");
    }

    @Test
    void shouldNameFileAndLineOfMissingLabel() throws IOException {
        Path bad = file("nolabel.jsonl", "{\"text\": \"t\", \"label\": \"l\"}", "", "{\"text\": \"t\"}");

        assertBadFile(bad, 3).hasMessageEndingWith("missing \"label\"");
    }

    @Test
    void shouldNameFileAndLineOfEmptyOrMistypedLabel() throws IOException {
        assertBadFile(file("empty-label.jsonl", "{\"text\": \"t\", \"label\": \" \"}"), 1).hasMessageContaining("\"label\" is empty");
        assertBadFile(file("list-label.jsonl", "{\"text\": \"t\", \"label\": [\"a\"]}"), 1)
                .hasMessageContaining("\"label\" must be a string or an integer, not array");
    }

    @Test
    void shouldNameFileAndLineOfMissingText() throws IOException {
        assertBadFile(file("notext.jsonl", "{\"title\": \"wrong field\", \"label\": \"l\"}"), 1)
                .hasMessageContaining("no text: expected \"text\", or \"headline\" and/or \"body\"");
        assertBadFile(file("numtext.jsonl", "{\"text\": 12, \"label\": \"l\"}"), 1)
                .hasMessageContaining("\"text\" must be a string, not number");
    }

    @Test
    void shouldNameFileOfEmptyFile() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty.jsonl"), "");
        Path blank = Files.writeString(temp.resolve("blank.jsonl"), "\n  \n\n");

        assertBadFile(empty, 1).hasMessageContaining("empty file");
        assertBadFile(blank, 3).hasMessageContaining("empty file");
    }

    @Test
    void shouldNameFileAndLineOfDuplicateId() throws IOException {
        assertBadFile(file("dup.jsonl", "{\"id\": \"x\", \"text\": \"t\", \"label\": \"l\"}",
                "{\"id\": \"x\", \"text\": \"u\", \"label\": \"l\"}"), 2).hasMessageContaining("duplicate id \"x\" (first on line 1)");
    }

    @Test
    void shouldNameFileAndLineOfInvalidUtf8() throws IOException {
        Path bad = temp.resolve("latin1.jsonl");
        Files.write(bad, "{\"text\": \"t\", \"label\": \"l\"}\n{\"text\": \"Gr\u00fcn\", \"label\": \"l\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> JsonLinesDataset.readDocuments(bad)).isInstanceOf(DatasetFormatException.class)
                .hasMessage(bad + ":2: not valid UTF-8");
    }

    @Test
    void shouldReportBadLineOfTestFileThroughRead() throws IOException {
        Path train = file("train.jsonl", "{\"text\": \"t\", \"label\": \"l\"}");
        Path test = file("test.jsonl", "{\"text\": \"t\", \"label\": \"l\"}", "not json");

        assertThatThrownBy(() -> JsonLinesDataset.read("d", train, test)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(test + ":2: not JSON");
    }

    @Test
    void shouldSkipByteOrderMarkAndKeepUnicodeText() throws IOException {
        Path bom = Files.writeString(temp.resolve("bom.jsonl"), "\ufeff{\"text\": \"Gr\u00fcn \u6771\u4eac\", \"label\": \"l\"}\n");

        assertThat(JsonLinesDataset.readDocuments(bom)).extracting(LabeledDocument::text).containsExactly("Gr\u00fcn \u6771\u4eac");
    }

    @Test
    void shouldAcceptWindowsLineEndings() throws IOException {
        Path crlf = Files.writeString(temp.resolve("crlf.jsonl"), "{\"text\": \"a\", \"label\": \"l\"}\r\n{\"text\": \"b\", \"label\": \"l\"}");

        assertThat(JsonLinesDataset.readDocuments(crlf)).extracting(LabeledDocument::id)
                .containsExactly("crlf.jsonl:1", "crlf.jsonl:2");
    }

    @Test
    void shouldAcceptIntegerLabels() throws IOException {
        List<LabeledDocument> documents = JsonLinesDataset.readDocuments(file("ints.jsonl", "{\"text\": \"t\", \"label\": 3}"));

        assertThat(documents.get(0).label()).isEqualTo("3");
    }
}
