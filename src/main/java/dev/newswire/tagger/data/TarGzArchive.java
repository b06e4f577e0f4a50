package dev.newswire.tagger.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads the regular-file entries of a gzip-compressed tar archive: the JDK's {@link GZIPInputStream}
 * under commons-compress's {@link TarArchiveInputStream}, which handles ustar, GNU long names and pax
 * headers.
 *
 * <p>commons-compress 1.28 needs commons-io 2.16+ at run time ({@code org.apache.commons.io.function.IOIterator});
 * DL4J brings commons-io 2.7, so the POM pins a recent commons-io in {@code dependencyManagement}. Without that
 * pin this class fails with NoClassDefFoundError.
 */
final class TarGzArchive {

    private TarGzArchive() {
    }

    /**
     * The content of every regular file whose entry name passes {@code wanted}, by entry name (sorted).
     *
     * @throws IOException if the file is not gzip or not a well-formed tar archive (the message names it)
     */
    static SortedMap<String, byte[]> readFiles(Path archive, Predicate<String> wanted) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16),
                        StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                if (isRegularFile(entry) && wanted.test(entry.getName())) {
                    if (entry.getSize() > Integer.MAX_VALUE - 8) {
                        throw new IOException("tar entry too large (" + entry.getSize() + " bytes): " + entry.getName());
                    }
                    files.put(entry.getName(), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot read tar.gz archive " + archive + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Normal ('0'), old-style normal (NUL) and contiguous ('7') files; not links, directories or sparse files. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }
}
