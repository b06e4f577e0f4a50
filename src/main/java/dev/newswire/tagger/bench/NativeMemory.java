package dev.newswire.tagger.bench;

import java.lang.management.ManagementFactory;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's native memory outside the Java heap, from Native Memory Tracking ({@code -XX:NativeMemoryTracking=summary}):
 * everything the JVM has committed (metaspace, code cache, threads, GC structures, NIO buffers, ...) minus the heap.
 * Memory that native libraries allocate themselves (e.g. ND4J's through JavaCPP) is not tracked; the resident set
 * counts it.
 */
final class NativeMemory {

    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HEAP = Pattern.compile("Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    private NativeMemory() {
    }

    /** Committed native memory outside the heap, MiB; empty when Native Memory Tracking is off. */
    static OptionalDouble committedOutsideHeapMb() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            return outsideHeapMb(String.valueOf(out));
        } catch (JMException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** From the text of {@code VM.native_memory summary}: total committed minus the heap's, MiB. */
    static OptionalDouble outsideHeapMb(String summary) {
        Matcher total = TOTAL.matcher(summary);
        Matcher heap = HEAP.matcher(summary);
        if (!total.find() || !heap.find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((Long.parseLong(total.group(1)) - Long.parseLong(heap.group(1))) / 1024.0);
    }
}
