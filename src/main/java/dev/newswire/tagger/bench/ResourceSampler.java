package dev.newswire.tagger.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples this process's resource use once a second while a run is measured: CPU load, heap used, resident
 * memory (VmRSS of {@code /proc/self/status}; none where there is no such file), the heap after the last collection
 * and, with Native Memory Tracking on, the JVM's native memory outside the heap ({@link NativeMemory}); and at the end the CPU time,
 * collections and GC time the window took, and the CPU time by kind of thread ({@link ThreadCpu}). Everything in
 * this JVM counts, the embedded broker too.
 */
final class ResourceSampler implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<ResourceUsage.Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-resources");
        t.setDaemon(true);
        return t;
    });
    private final long startNanos = System.nanoTime();
    private final long startCpuNanos = os.getProcessCpuTime();
    private final long startGcCount = gcCount();
    private final long startGcMillis = gcMillis();
    private final double startLoadAverage = os.getSystemLoadAverage();
    private final ThreadCpu startThreads = ThreadCpu.snapshot();

    private ResourceSampler() {
        os.getProcessCpuLoad(); // the first reading is meaningless; it starts the interval of the next
    }

    /** Starts sampling now. */
    static ResourceSampler start() {
        ResourceSampler sampler = new ResourceSampler();
        sampler.timer.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
        return sampler;
    }

    /** Stops sampling; the usage from the start until now. */
    ResourceUsage finish() {
        close();
        sample();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (os.getProcessCpuTime() - startCpuNanos) / 1e9;
        Map<String, Double> byThreads = ThreadCpu.snapshot().since(startThreads, cpu);
        int cores = Runtime.getRuntime().availableProcessors();
        List<ResourceUsage.Sample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        double heapPeak = taken.stream().mapToDouble(ResourceUsage.Sample::heapUsedMb).max().orElse(0);
        Double rssPeak = taken.stream().map(ResourceUsage.Sample::rssMb).filter(v -> v != null)
                .max(Double::compare).orElse(null);
        double cpuPeak = taken.stream().mapToDouble(ResourceUsage.Sample::processCpuPercent).max().orElse(0);
        return new ResourceUsage(wall, cpu, cpu / wall, 100 * cpu / wall / cores, cpuPeak, cores, heapPeak,
                mb(memory.getHeapMemoryUsage().getMax()), rssPeak, gcCount() - startGcCount, gcMillis() - startGcMillis,
                startLoadAverage, os.getSystemLoadAverage(), byThreads, taken);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sample() {
        double cpuLoad = os.getProcessCpuLoad();
        OptionalLong rss = residentBytes();
        OptionalDouble nativeMb = NativeMemory.committedOutsideHeapMb();
        ResourceUsage.Sample s = new ResourceUsage.Sample(round((System.nanoTime() - startNanos) / 1e9),
                cpuLoad < 0 ? 0 : round(100 * cpuLoad), round(mb(memory.getHeapMemoryUsage().getUsed())),
                round(mb(heapAfterLastGc())), rss.isPresent() ? round(mb(rss.getAsLong())) : null,
                nativeMb.isPresent() ? round(nativeMb.getAsDouble()) : null);
        synchronized (samples) {
            samples.add(s);
        }
    }

    /** VmRSS of {@code /proc/self/status}, when there is one. */
    static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: no resident size
        }
        return OptionalLong.empty();
    }

    /** The heap in use after each pool's most recent collection: the live data, without the garbage since. */
    private static long heapAfterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c > 0).sum();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
