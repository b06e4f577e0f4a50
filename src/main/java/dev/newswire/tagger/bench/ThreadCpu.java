package dev.newswire.tagger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's CPU goes, by kind of thread: a snapshot of every Java thread's CPU time, and the difference of two
 * snapshots summed by {@link #groupOf group}. Process CPU that no Java thread accounts for (the JIT compilers, the
 * garbage collector's threads, the VM itself, threads that ended during the window) is its own group.
 */
final class ThreadCpu {

    static final String STREAM_THREADS = "stream threads";
    static final String STREAMS_PRODUCER = "tagger producer I/O";
    static final String BENCH_CLIENTS = "bench producer and receiver";
    static final String BROKER_AND_OTHER = "broker and other Java threads";
    static final String NOT_JAVA = "JIT, GC and VM (no Java thread)";
    /** The groups in report order. */
    static final List<String> GROUPS = List.of(STREAM_THREADS, STREAMS_PRODUCER, BENCH_CLIENTS, BROKER_AND_OTHER, NOT_JAVA);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds by thread id, with each thread's name. */
    private final Map<Long, Long> cpuNanos;
    private final Map<Long, String> names;

    private ThreadCpu(Map<Long, Long> cpuNanos, Map<Long, String> names) {
        this.cpuNanos = cpuNanos;
        this.names = names;
    }

    /** Every live Java thread's CPU time now; empty where the JVM cannot measure thread CPU time. */
    static ThreadCpu snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        if (THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()) {
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info != null) {
                    long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                    if (nanos >= 0) {
                        cpu.put(info.getThreadId(), nanos);
                        names.put(info.getThreadId(), info.getThreadName());
                    }
                }
            }
        }
        return new ThreadCpu(cpu, names);
    }

    /**
     * CPU seconds by group from {@code start} to this snapshot, every group of {@link #GROUPS} present.
     *
     * @param processCpuSeconds the process's CPU time over the same window
     */
    Map<String, Double> since(ThreadCpu start, double processCpuSeconds) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.forEach(g -> seconds.put(g, 0.0));
        double java = 0;
        for (Map.Entry<Long, Long> e : cpuNanos.entrySet()) {
            double s = (e.getValue() - start.cpuNanos.getOrDefault(e.getKey(), 0L)) / 1e9;
            seconds.merge(groupOf(names.get(e.getKey())), s, Double::sum);
            java += s;
        }
        seconds.put(NOT_JAVA, Math.max(0, processCpuSeconds - java));
        seconds.replaceAll((g, s) -> Math.round(s * 100) / 100.0);
        return seconds;
    }

    /** The group of a thread, by the names Kafka Streams, the Kafka clients and the bench give their threads. */
    static String groupOf(String threadName) {
        if (threadName.contains("-StreamThread-")) {
            return threadName.startsWith("kafka-producer-network-thread") ? STREAMS_PRODUCER : STREAM_THREADS;
        }
        if (threadName.equals("main") || threadName.equals("bench-receiver")
                || threadName.startsWith("kafka-producer-network-thread | producer-")) {
            return BENCH_CLIENTS;
        }
        return BROKER_AND_OTHER;
    }
}
