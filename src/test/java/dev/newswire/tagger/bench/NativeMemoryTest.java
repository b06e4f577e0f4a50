package dev.newswire.tagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void shouldTakeTheHeapOffTheTotalCommitted() {
        String summary = """
                Native Memory Tracking:

                Total: reserved=7846038KB, committed=490662KB
                       malloc: 13646KB #71969

                -                 Java Heap (reserved=6172672KB, committed=397312KB)
                                            (mmap: reserved=6172672KB, committed=397312KB)
                """;

        assertThat(NativeMemory.outsideHeapMb(summary)).hasValue((490662 - 397312) / 1024.0);
    }

    @Test
    void shouldSayNothingWhenTrackingIsOff() {
        assertThat(NativeMemory.outsideHeapMb("Native memory tracking is not enabled")).isEmpty();
        // This test JVM runs without -XX:NativeMemoryTracking.
        assertThat(NativeMemory.committedOutsideHeapMb()).isEmpty();
    }
}
