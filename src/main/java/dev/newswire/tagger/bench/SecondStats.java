package dev.newswire.tagger.bench;

/**
 * One second of receipts, counted from the first receipt.
 *
 * @param second   seconds since the first receipt (0, 1, ...)
 * @param received records received in that second, warm-up included
 * @param p50Ms    their median latency, ms
 * @param p99Ms    their 99th percentile latency, ms
 * @param maxMs    their largest latency, ms
 */
public record SecondStats(long second, long received, double p50Ms, double p99Ms, double maxMs) {
}
