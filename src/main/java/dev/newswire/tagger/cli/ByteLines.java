package dev.newswire.tagger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code '\n'}, dropping one trailing {@code '\r'}, without decoding them: an
 * invalid UTF-8 line comes out as it went in. A line longer than {@code maxBytes} is read to its end but not kept,
 * so a huge line without a newline costs no more memory than {@code maxBytes}. Not thread-safe.
 */
final class ByteLines {

    /**
     * One line.
     *
     * @param number its line number, from 1
     * @param bytes  its bytes without the line ending, or null when it is longer than the limit
     * @param length its length in bytes without the line ending
     */
    record Line(long number, byte[] bytes, long length) {

        boolean tooLong() {
            return bytes == null;
        }

        /** Empty, or only spaces and tabs. */
        boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxBytes;
    /** One byte more than the limit, which may be a '\r' dropped at the end of the line (capped to what an array holds). */
    private final long keepLimit;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private int kept;
    private long length;
    private boolean overflow;
    private boolean pending;
    private byte last;
    private long number;

    /** @param maxBytes the longest line kept, in bytes; at least 1 */
    ByteLines(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1: " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
        this.keepLimit = Math.min((long) maxBytes + 1, Integer.MAX_VALUE - 8);
    }

    /** The next line, or null at the end of the stream (a final {@code '\n'} does not start another line). */
    Line next() throws IOException {
        while (true) {
            if (chunkPos == chunkEnd) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    return pending ? finish() : null;
                }
                chunkPos = 0;
                chunkEnd = n;
            }
            int newline = indexOfNewline();
            int stop = newline < 0 ? chunkEnd : newline;
            append(chunkPos, stop);
            chunkPos = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                return finish();
            }
        }
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int to) {
        pending = true;
        int n = to - from;
        if (n == 0) {
            return;
        }
        length += n;
        last = chunk[to - 1];
        if (overflow) {
            return;
        }
        long needed = (long) kept + n;
        if (needed > keepLimit) {
            overflow = true;
            kept = 0;
            return;
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(2L * line.length, needed), keepLimit));
        }
        System.arraycopy(chunk, from, line, kept, n);
        kept += n;
    }

    private Line finish() {
        number++;
        if (length > 0 && last == '\r') {
            length--;
            kept = overflow ? 0 : kept - 1;
        }
        Line result = overflow || length > maxBytes
                ? new Line(number, null, length)
                : new Line(number, Arrays.copyOf(line, kept), length);
        kept = 0;
        length = 0;
        overflow = false;
        pending = false;
        last = 0;
        return result;
    }
}
