package dev.newswire.tagger.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular-file entries of a gzip-compressed tar archive (POSIX ustar, GNU long names, pax
 * {@code path} records) with the JDK alone.
 *
 * <p>Why not commons-compress: 1.28.0 needs commons-io 2.16+ at run time, but the build resolves the
 * commons-io 2.7 that DL4J brings, so {@code TarArchiveInputStream} fails with NoClassDefFoundError
 * ({@code org.apache.commons.io.function.IOIterator}). Once the POM pins a recent commons-io this class can
 * give way to commons-compress.
 */
final class TarGzArchive {

    private static final int BLOCK = 512;

    private TarGzArchive() {
    }

    /**
     * The content of every regular file whose entry name passes {@code wanted}, by entry name (sorted).
     *
     * @throws IOException if the file is not gzip, a header checksum is wrong or the archive is truncated
     */
    static SortedMap<String, byte[]> readFiles(Path archive, Predicate<String> wanted) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (InputStream file = Files.newInputStream(archive);
                DataInputStream tar = new DataInputStream(
                        new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16))) {
            String pendingName = null;
            byte[] header = new byte[BLOCK];
            while (readHeader(tar, header, archive)) {
                long size = octalOrBinary(header, 124, 12);
                char type = (char) header[156];
                if (type == 'L' || type == 'x') {
                    byte[] meta = readContent(tar, size, archive);
                    pendingName = type == 'L' ? cString(meta, 0, meta.length) : paxPath(meta, pendingName);
                    continue;
                }
                String name = pendingName != null ? pendingName : name(header);
                pendingName = null;
                if (isRegularFile(type) && wanted.test(name)) {
                    files.put(name, readContent(tar, size, archive));
                } else {
                    tar.skipNBytes(size + padding(size));
                }
            }
        } catch (EOFException e) {
            throw new IOException("truncated tar archive: " + archive, e);
        }
        return files;
    }

    /** Reads the next header; false at the end-of-archive marker (a zero block) or a clean end of stream. */
    private static boolean readHeader(DataInputStream tar, byte[] header, Path archive) throws IOException {
        int read = tar.readNBytes(header, 0, BLOCK);
        if (read == 0 || (read == BLOCK && isZero(header))) {
            return false;
        }
        if (read < BLOCK) {
            throw new IOException("truncated tar header in " + archive);
        }
        if (checksum(header) != octalOrBinary(header, 148, 8)) {
            throw new IOException("not a tar archive (bad header checksum): " + archive);
        }
        return true;
    }

    private static byte[] readContent(DataInputStream tar, long size, Path archive) throws IOException {
        if (size > Integer.MAX_VALUE - BLOCK) {
            throw new IOException("tar entry too large (" + size + " bytes) in " + archive);
        }
        byte[] content = new byte[(int) size];
        tar.readFully(content);
        tar.skipNBytes(padding(size));
        return content;
    }

    private static boolean isRegularFile(char type) {
        return type == '0' || type == 0 || type == '7';
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    /** The entry name; POSIX ustar headers may split it into prefix (offset 345) and name. */
    static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean posix = "ustar\0".equals(new String(header, 257, 6, StandardCharsets.ISO_8859_1));
        String prefix = posix ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} of a pax extended header ("LEN path=VALUE\n" records), else {@code fallback}. */
    static String paxPath(byte[] records, String fallback) {
        String text = new String(records, StandardCharsets.UTF_8);
        int position = 0;
        String path = fallback;
        while (position < text.length()) {
            int space = text.indexOf(' ', position);
            int newline = text.indexOf('\n', position);
            if (space < 0 || newline < 0 || newline < space) {
                break;
            }
            String record = text.substring(space + 1, newline);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            position = newline + 1;
        }
        return path;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** A numeric header field: octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
    static long octalOrBinary(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
            } else if (b == 0 || (b == ' ' && value > 0)) {
                break;
            }
        }
        return value;
    }

    /** The header checksum: the unsigned sum of all bytes with the checksum field counted as spaces. */
    static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
