package dev.newswire.tagger.bench;

import java.util.List;
import java.util.Map;

/**
 * This process's resource use during a run's measured window (from the first send to the last receipt).
 *
 * @param wallSeconds        the window's length
 * @param cpuSeconds         process CPU time used in it
 * @param cpuCores           average cores busy: CPU seconds per wall second
 * @param cpuPercent         the same as a percentage of all the machine's cores
 * @param cpuPeakPercent     the highest one-second process CPU load sampled, % of all cores
 * @param cores              processors available to the JVM
 * @param heapPeakMb         the largest heap use sampled, MiB
 * @param heapMaxMb          the heap's limit, MiB
 * @param rssPeakMb          the largest resident set sampled, MiB; null where the OS does not say
 * @param gcCount            collections in the window
 * @param gcMillis           time spent collecting in the window, ms
 * @param loadAverageStart   the machine's 1-minute load average at the start (-1 where not available)
 * @param loadAverageEnd     and at the end
 * @param cpuSecondsByThreads CPU seconds of the window by kind of thread (stream threads, the tagger's producer I/O,
 *                           the bench's producer and receiver, the broker and other Java threads, and what no Java
 *                           thread accounts for: JIT, GC, VM)
 * @param samples            one per second
 */
public record ResourceUsage(double wallSeconds, double cpuSeconds, double cpuCores, double cpuPercent,
                            double cpuPeakPercent, int cores, double heapPeakMb, double heapMaxMb, Double rssPeakMb,
                            long gcCount, long gcMillis, double loadAverageStart, double loadAverageEnd,
                            Map<String, Double> cpuSecondsByThreads, List<Sample> samples) {

    public ResourceUsage {
        cpuSecondsByThreads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpuSecondsByThreads));
        samples = List.copyOf(samples);
    }

    /**
     * One sample.
     *
     * @param atSeconds        seconds since the window began
     * @param processCpuPercent this process's CPU load over the last interval, % of all cores
     * @param heapUsedMb       heap used, MiB
     * @param heapAfterGcMb    heap used after the most recent collection (the live data), MiB
     * @param rssMb            resident set, MiB; null where the OS does not say
     * @param nativeMb         the JVM's committed native memory outside the heap (Native Memory Tracking), MiB;
     *                         null unless the JVM runs with {@code -XX:NativeMemoryTracking=summary}
     */
    public record Sample(double atSeconds, double processCpuPercent, double heapUsedMb, double heapAfterGcMb,
                         Double rssMb, Double nativeMb) {
    }

    /**
     * How memory moved from the start of the window to its end: the first and last samples' heap after GC,
     * native memory (null without Native Memory Tracking) and resident set (null where the OS does not say), MiB.
     */
    public record Trend(double heapAfterGcFirstMb, double heapAfterGcLastMb, Double nativeFirstMb, Double nativeLastMb,
                        Double rssFirstMb, Double rssLastMb) {
    }

    /** The trend over the samples; null without samples. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public Trend memoryTrend() {
        if (samples.isEmpty()) {
            return null;
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        return new Trend(first.heapAfterGcMb(), last.heapAfterGcMb(), first.nativeMb(), last.nativeMb(), first.rssMb(),
                last.rssMb());
    }
}
