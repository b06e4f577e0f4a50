package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersCorpusTest {

    @TempDir
    Path temp;

    private static String story(int newId, String body) {
        return "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" NEWID=\"" + newId + "\">\n"
                + "<TOPICS><D>earn</D></TOPICS>\n<TEXT>&#2;\n<TITLE>T" + newId + "</TITLE><BODY>" + body
                + "\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";
    }

    private Path write(Path directory, String name, String content) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve(name), content, StandardCharsets.ISO_8859_1);
    }

    // --- reading, on invented files ---

    @Test
    void shouldReadSgmFilesOfDirectoryInFileNameOrder() throws IOException {
        write(temp, "reut2-001.sgm", story(3, "c"));
        write(temp, "reut2-000.sgm", story(1, "a") + story(2, "b"));
        write(temp, "README.txt", story(99, "not a corpus file"));

        List<ReutersDocument> docs = ReutersCorpus.read(temp);

        assertThat(docs).extracting(ReutersDocument::newId).containsExactly(1, 2, 3);
        assertThat(docs).extracting(ReutersDocument::body).containsExactly("a", "b", "c");
    }

    @Test
    void shouldDecodeBytesThatAreNotUtf8AsIso88591() throws IOException {
        // 0xFC and 0xE9 alone are not valid UTF-8.
        Files.write(temp.resolve("reut2-000.sgm"),
                story(1, "Gr\u00fcn \u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1));

        ReutersDocument doc = ReutersCorpus.read(temp).get(0);

        assertThat(doc.body()).isEqualTo("Gr\u00fcn \u00e9t\u00e9").doesNotContain("\ufffd");
    }

    @Test
    void shouldReadTarGzEntriesInNameOrderWithFolderPrefix() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("reuters21578/reut2-001.sgm", story(2, "second"));
        entries.put("reuters21578/lewis.dtd", "<!ELEMENT LEWIS O O (REUTERS+)>");
        entries.put("reuters21578/reut2-000.sgm", story(1, "first"));
        Path archive = TestTarGz.write(temp.resolve("reuters21578.tar.gz"), entries);

        assertThat(ReutersCorpus.read(archive)).extracting(ReutersDocument::body).containsExactly("first", "second");
    }

    @Test
    void shouldReadTarGzWrittenByGnuTarWithLongNames() throws Exception {
        Path source = Files.createDirectories(temp.resolve("a-folder-name-long-enough-to-need-gnu-long-name-records-"
                + "in-the-archive/and-then-some-more-characters-for-good-measure"));
        write(source, "reut2-000.sgm", story(1, "first"));
        write(source, "reut2-001.sgm", story(2, "second"));
        Path archive = temp.resolve("gnu.tar.gz");
        gnuTarOrSkip("--format=gnu", archive, temp, temp.relativize(source).toString());

        assertThat(ReutersCorpus.read(archive)).extracting(ReutersDocument::body).containsExactly("first", "second");
    }

    /** Runs {@code tar FORMAT -czf ARCHIVE -C DIRECTORY PATHS...}; skips the test where there is no tar command. */
    private static void gnuTarOrSkip(String format, Path archive, Path directory, String... paths) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar", format, "-czf", archive.toString(), "-C",
                directory.toString()));
        command.addAll(List.of(paths));
        Process tar;
        try {
            tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "no tar command on this machine: " + e.getMessage());
            return;
        }
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(tar.waitFor() == 0, "tar " + format + " failed: " + output);
    }

    @Test
    void shouldRejectArchiveThatIsNotTar() throws IOException {
        Path archive = temp.resolve("bad.tar.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(new byte[100]);
            out.write("not a tar header".repeat(40).getBytes(StandardCharsets.US_ASCII));
        }

        assertThatThrownBy(() -> ReutersCorpus.read(archive)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read tar.gz archive " + archive);
    }

    @Test
    void shouldNameFileAndLineOfMalformedStory() throws IOException {
        write(temp, "reut2-000.sgm", story(1, "a"));
        write(temp, "reut2-001.sgm", "\n\n<REUTERS NEWID=\"2\">\n<TOPICS></TOPICS>\n");

        assertThatThrownBy(() -> ReutersCorpus.read(temp)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("reut2-001.sgm:3: ");
    }

    @Test
    void shouldRejectDirectoryWithoutSgmFiles() throws IOException {
        write(temp, "notes.txt", "nothing here");

        assertThatThrownBy(() -> ReutersCorpus.read(temp)).isInstanceOf(IOException.class)
                .hasMessageContaining("no reut2-*.sgm files in");
    }

    // --- locating ---

    @Test
    void shouldLocateCorpusFromEnvironmentVariable() throws IOException {
        Path corpus = temp.resolve("elsewhere");
        write(corpus, "reut2-000.sgm", story(1, "a"));
        Function<String, String> env = Map.of(ReutersCorpus.ENVIRONMENT_VARIABLE, corpus.toString())::get;

        assertThat(ReutersCorpus.locate(env::apply, temp)).contains(corpus.toAbsolutePath().normalize());
    }

    @Test
    void shouldLocateCorpusInSharedDataNextToWorkingDirectory() throws IOException {
        Path workingDirectory = Files.createDirectories(temp.resolve("checkout"));
        Path corpus = temp.resolve("shared/data/reuters21578");
        write(corpus, "reut2-000.sgm", story(1, "a"));

        assertThat(ReutersCorpus.locate(name -> null, workingDirectory)).contains(corpus.toAbsolutePath().normalize());
    }

    @Test
    void shouldLocateNothingWhereNoSgmFilesAre() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        write(empty, "README.md", "no data");

        assertThat(ReutersCorpus.locate(name -> empty.toString(), temp)).isEmpty();
        assertThat(ReutersCorpus.locate(name -> temp.resolve("missing").toString(), temp)).isEmpty();
        assertThat(ReutersCorpus.candidateLocation(name -> "", temp))
                .isEqualTo(temp.resolve("../shared/data/reuters21578").toAbsolutePath().normalize());
    }

    // --- the real corpus ---

    @Test
    void shouldReadAllStoriesOfTheCorpusInNewIdOrder() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();

        assertThat(corpus).hasSize(21_578);
        assertThat(corpus).extracting(ReutersDocument::newId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 21_578).boxed().toList());
        assertThat(corpus.stream().collect(Collectors.groupingBy(ReutersDocument::topicsAttribute, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("YES", 13_476L, "NO", 7_059L, "BYPASS", 1_043L));
        assertThat(corpus.stream().filter(doc -> !doc.hasBody()).count()).isEqualTo(2_535);
        // The 737 UNPROC stories (grep -c 'TEXT TYPE="UNPROC"' over the 22 files) have neither TITLE nor BODY: their
        // text is the TEXT element's. One of them, NEWID 12793, holds nothing but the control characters &#2; &#3;.
        assertThat(corpus.stream().filter(doc -> !doc.unprocessed().isEmpty()).count()).isEqualTo(736);
        assertThat(corpus.stream().filter(doc -> !doc.unprocessed().isEmpty() && (doc.hasBody() || !doc.title().isEmpty())))
                .isEmpty();
        assertThat(corpus.stream().filter(doc -> doc.text().isEmpty()).map(ReutersDocument::newId)).containsExactly(12_793);
    }

    @Test
    void shouldReadFieldsOfFirstStory() {
        ReutersDocument first = ReutersFixture.corpusOrSkip().get(0);

        assertThat(first.lewisSplit()).isEqualTo("TRAIN");
        assertThat(first.cgiSplit()).isEqualTo("TRAINING-SET");
        assertThat(first.topics()).containsExactly("cocoa");
        assertThat(first.title()).isEqualTo("BAHIA COCOA REVIEW");
        assertThat(first.dateline()).isEqualTo("SALVADOR, Feb 26 -");
        assertThat(first.text()).startsWith("BAHIA COCOA REVIEW\nShowers continued");
    }

    @Test
    void shouldLeaveNoEntitiesControlCharactersOrSignaturesInCleanedText() {
        for (ReutersDocument doc : ReutersFixture.corpusOrSkip()) {
            assertThat(doc.text()).as("NEWID %d", doc.newId())
                    .doesNotContain("&lt;", "&amp;", "&#")
                    .doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]")
                    .doesNotContainPattern("(?i)\\sreuters?(\\.\\.\\.|\\^m)?$");
            assertThat(doc.dateline()).as("NEWID %d", doc.newId()).doesNotContainPattern("\\p{Cntrl}");
        }
    }

    @Test
    void shouldDecodeTheOneNonAsciiByteOfTheCorpus() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();

        assertThat(corpus.get(17_980 - 1).body()).contains("\u00fc");
        assertThat(corpus).noneMatch(doc -> doc.text().contains("\ufffd"));
    }

    @Test
    void shouldReadUciTarGzLikeTheDirectory() throws IOException {
        Path directory = ReutersFixture.corpusLocationOrSkip();
        Assumptions.assumeTrue(Files.isDirectory(directory), "corpus is not a directory");
        Map<String, String> entries = new LinkedHashMap<>();
        for (String name : List.of("reut2-001.sgm", "reut2-000.sgm")) {
            entries.put(name, Files.readString(directory.resolve(name), StandardCharsets.ISO_8859_1));
        }
        Path archive = TestTarGz.write(temp.resolve("reuters21578.tar.gz"), entries);

        List<ReutersDocument> fromArchive = ReutersCorpus.read(archive);

        assertThat(fromArchive).hasSize(2_000).isEqualTo(ReutersFixture.corpusOrSkip().subList(0, 2_000));
    }

    @Test
    void shouldReadWholeCorpusTarredByGnuTarLikeTheDirectory() throws Exception {
        Path directory = ReutersFixture.corpusLocationOrSkip();
        Assumptions.assumeTrue(Files.isDirectory(directory), "corpus is not a directory");
        Path archive = temp.resolve("reuters21578.tar.gz");
        // The whole directory (lewis.dtd, README.md, ... as well), under a folder, as pax (POSIX.1-2001).
        gnuTarOrSkip("--format=posix", archive, directory.getParent(), directory.getFileName().toString());

        assertThat(ReutersCorpus.read(archive)).hasSize(21_578).isEqualTo(ReutersFixture.corpusOrSkip());
    }
}
