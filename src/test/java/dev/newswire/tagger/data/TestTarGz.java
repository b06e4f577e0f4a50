package dev.newswire.tagger.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small gzip-compressed tar archives for tests, with commons-compress's TarArchiveOutputStream. */
final class TestTarGz {

    private TestTarGz() {
    }

    /** Writes {@code entries} (name → ISO-8859-1 content) as regular files in iteration order; long names as pax. */
    static Path write(Path archive, Map<String, String> entries) throws IOException {
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(archive));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.ISO_8859_1);
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                header.setSize(content.length);
                tar.putArchiveEntry(header);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return archive;
    }
}
