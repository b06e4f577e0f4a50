package dev.newswire.tagger.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: one topology on fresh topics, all articles through it.
 *
 * @param streamThreads  {@code num.stream.threads}
 * @param run            the run's unique topic suffix
 * @param applicationId  its Kafka Streams application id
 * @param config         the tagger configuration it ran with (the bench's entries and {@code --set})
 * @param startupSeconds from {@code start()} to the RUNNING state
 * @param warmup         the articles sent and awaited before the measured ones
 * @param produced       what was sent
 * @param received       what came back, latency and throughput
 * @param resources      CPU, memory and GC from the first send to the end of receiving
 */
public record RunReport(int streamThreads, String run, String applicationId, Map<String, String> config,
                        double startupSeconds, WarmupResult warmup, ProducerResult produced, ReceiverResult received,
                        ResourceUsage resources) {

    public RunReport {
        config = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(config));
    }

    /** Every article sent and back, tagged or dead-lettered. */
    @JsonProperty
    public boolean complete() {
        return produced.failed() == 0 && received.missing() == 0;
    }

    /** The human summary of this run, a few lines. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "startup: %.2f s from start() to RUNNING", startupSeconds));
        if (warmup.messages() > 0) {
            lines.add(String.format(Locale.ROOT, "warm-up: %,d articles before the measured ones, %,d back in %.1f s (%,.0f/s)",
                    warmup.messages(), warmup.back(), warmup.seconds(), warmup.rate()));
        }
        String target = produced.targetRate() > 0
                ? String.format(Locale.ROOT, "target %,.0f/s, achieved %,.0f/s, at worst %.1f ms behind schedule",
                        produced.targetRate(), produced.achievedRate(), produced.maxLagMs())
                : String.format(Locale.ROOT, "as fast as possible: %,.0f/s", produced.achievedRate());
        lines.add(String.format(Locale.ROOT, "offered: %,d articles in %.2f s (%s), %d failed to send%s",
                produced.attempted(), produced.sendSeconds(), target, produced.failed(),
                produced.firstError() == null ? "" : " (first: " + produced.firstError() + ")"));
        lines.add(String.format(Locale.ROOT, "received: %,d tagged, %,d dead-lettered, %,d missing%s, %,d duplicates",
                received.tagged(), received.deadLettered(), received.missing(),
                received.missingExamples().isEmpty() ? "" : " " + received.missingExamples(), received.duplicates()));
        lines.add(String.format(Locale.ROOT, "throughput: %,.0f articles/s sustained (%,d articles in %.2f s after a "
                        + "warm-up of %,d)", received.sustainedRate(), received.measuredRecords(),
                received.windowSeconds(), received.warmup()));
        LatencyStats l = received.latency();
        lines.add(String.format(Locale.ROOT, "latency: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, mean %.2f ms "
                + "(%,d articles)", l.p50Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), l.meanMs(), l.count()));
        ResourceUsage r = resources;
        lines.add(String.format(Locale.ROOT, "resources: CPU %.2f of %d cores on average (%.0f %%, peak %.0f %%), "
                        + "heap peak %.0f MiB of %.0f, RSS peak %s, GC %d collections %d ms; load average %s -> %s",
                r.cpuCores(), r.cores(), r.cpuPercent(), r.cpuPeakPercent(), r.heapPeakMb(), r.heapMaxMb(),
                r.rssPeakMb() == null ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", r.rssPeakMb()),
                r.gcCount(), r.gcMillis(), load(r.loadAverageStart()), load(r.loadAverageEnd())));
        ResourceUsage.Trend m = r.memoryTrend();
        if (m != null) {
            lines.add(String.format(Locale.ROOT, "memory, first -> last second: heap after GC %.0f -> %.0f MiB, native "
                            + "outside the heap %s, RSS %s", m.heapAfterGcFirstMb(), m.heapAfterGcLastMb(),
                    m.nativeFirstMb() == null ? "n/a (run with -XX:NativeMemoryTracking=summary)"
                            : String.format(Locale.ROOT, "%.0f -> %.0f MiB", m.nativeFirstMb(), m.nativeLastMb()),
                    m.rssFirstMb() == null ? "n/a" : String.format(Locale.ROOT, "%.0f -> %.0f MiB", m.rssFirstMb(), m.rssLastMb())));
        }
        if (r.cpuSeconds() > 0) {
            StringBuilder split = new StringBuilder("CPU by thread:");
            r.cpuSecondsByThreads().forEach((group, seconds) -> split.append(String.format(Locale.ROOT, " %s %.0f %%;",
                    group, 100 * seconds / r.cpuSeconds())));
            lines.add(split.substring(0, split.length() - 1));
        }
        return lines;
    }

    private static String load(double average) {
        return average < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", average);
    }
}
