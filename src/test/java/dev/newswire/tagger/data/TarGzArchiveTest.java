package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzArchiveTest {

    @TempDir
    Path temp;

    @Test
    void shouldReadWantedRegularFilesOnlyInNameOrder() throws IOException {
        Path archive = temp.resolve("mixed.tar.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(archive));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            put(tar, new TarArchiveEntry("dir/"), "");
            put(tar, new TarArchiveEntry("dir/b.sgm"), "bee");
            put(tar, new TarArchiveEntry("dir/skipped.sgm"), "not wanted");
            put(tar, new TarArchiveEntry("dir/a.sgm"), "ay");
            put(tar, link("dir/symlink.sgm", TarConstants.LF_SYMLINK), "");
            put(tar, link("dir/hardlink.sgm", TarConstants.LF_LINK), "");
            put(tar, new TarArchiveEntry("dir/fifo.sgm", TarConstants.LF_FIFO), "");
            tar.finish();
        }

        SortedMap<String, byte[]> files = TarGzArchive.readFiles(archive, name -> !name.contains("skipped"));

        assertThat(files.keySet()).containsExactly("dir/a.sgm", "dir/b.sgm");
        assertThat(new String(files.get("dir/a.sgm"), StandardCharsets.ISO_8859_1)).isEqualTo("ay");
    }

    @Test
    void shouldKeepLongAndNonAsciiNamesAndRawBytes() throws IOException {
        String longName = "reuters21578/" + "x".repeat(150) + "/reut2-000.sgm";
        String umlaut = "reuters21578/gr\u00fcn/reut2-001.sgm";
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(longName, "first");
        entries.put(umlaut, "Gr\u00fcn \u00e9t\u00e9");
        Path archive = TestTarGz.write(temp.resolve("long.tar.gz"), entries);

        SortedMap<String, byte[]> files = TarGzArchive.readFiles(archive, name -> true);

        assertThat(files.keySet()).containsExactly(umlaut, longName); // "g" sorts before "x"
        assertThat(files.get(umlaut)).containsExactly("Gr\u00fcn \u00e9t\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldNameArchiveThatIsNotGzip() throws IOException {
        Path archive = Files.writeString(temp.resolve("plain.tar.gz"), "plain text");

        assertThatThrownBy(() -> TarGzArchive.readFiles(archive, name -> true)).isInstanceOf(IOException.class)
                .hasMessageContaining(archive.toString());
    }

    @Test
    void shouldRejectTruncatedArchive() throws IOException {
        Path whole = TestTarGz.write(temp.resolve("whole.tar.gz"), Map.of("reut2-000.sgm", "y".repeat(5_000)));
        Path truncated = temp.resolve("truncated.tar.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(whole));
                OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            gzip.write(Arrays.copyOf(in.readAllBytes(), 512 + 1_000)); // header and part of the content
        }

        assertThatThrownBy(() -> TarGzArchive.readFiles(truncated, name -> true)).isInstanceOf(IOException.class)
                .hasMessageContaining(truncated.toString());
    }

    private static TarArchiveEntry link(String name, byte type) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setLinkName("dir/a.sgm");
        return entry;
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
