package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

    private static List<ByteLines.Line> lines(byte[] input, int maxBytes) throws IOException {
        ByteLines reader = new ByteLines(new ByteArrayInputStream(input), maxBytes);
        List<ByteLines.Line> lines = new ArrayList<>();
        for (ByteLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void shouldSplitOnNewlineAndDropATrailingCarriageReturnKeepingInvalidUtf8AsItIs() throws IOException {
        byte[] input = {'a', '\r', '\n', (byte) 0xff, (byte) 0xfe, '\n', '\n', 'b', '\r', 'c'};
        List<ByteLines.Line> lines = lines(input, 100);
        assertThat(lines).extracting(ByteLines.Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines.get(0).bytes()).containsExactly('a');
        assertThat(lines.get(1).bytes()).containsExactly((byte) 0xff, (byte) 0xfe);
        assertThat(lines.get(2).blank()).isTrue();
        assertThat(lines.get(3).bytes()).containsExactly('b', '\r', 'c');
    }

    @Test
    void shouldNotStartALineAfterTheFinalNewline() throws IOException {
        assertThat(lines("x\n".getBytes(StandardCharsets.UTF_8), 10)).hasSize(1);
        assertThat(lines(new byte[0], 10)).isEmpty();
    }

    @Test
    void shouldMarkALineLongerThanTheLimitAndKeepTheOnesAtTheLimit() throws IOException {
        List<ByteLines.Line> lines = lines("12345\n123456\n12345\r\n".getBytes(StandardCharsets.UTF_8), 5);
        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).length()).isEqualTo(6);
        assertThat(new String(lines.get(2).bytes(), StandardCharsets.UTF_8)).isEqualTo("12345");
    }

    @Test
    void shouldReadPastA300MegabyteLineWithoutKeepingIt() throws IOException {
        long huge = 300L * 1024 * 1024;
        InputStream in = new SequenceInputStream(new Repeated('a', huge),
                new ByteArrayInputStream("\n{\"id\":\"next\"}\n".getBytes(StandardCharsets.UTF_8)));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        ByteLines reader = new ByteLines(in, 1000);
        ByteLines.Line first = reader.next();
        ByteLines.Line second = reader.next();

        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(first.tooLong()).isTrue();
        assertThat(first.length()).isEqualTo(huge);
        assertThat(new String(second.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"next\"}");
        assertThat(reader.next()).isNull();
        assertThat(allocated).as("bytes allocated while reading").isLessThan(16L * 1024 * 1024);
    }

    /** {@code length} copies of one byte, made as they are read. */
    static final class Repeated extends InputStream {
        private final byte value;
        private long left;

        Repeated(char value, long length) {
            this.value = (byte) value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
