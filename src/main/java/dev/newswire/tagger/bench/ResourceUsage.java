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
     * @param rssMb            resident set, MiB; null where the OS does not say
     */
    public record Sample(double atSeconds, double processCpuPercent, double heapUsedMb, Double rssMb) {
    }
}
