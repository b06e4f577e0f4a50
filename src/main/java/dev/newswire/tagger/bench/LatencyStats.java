package dev.newswire.tagger.bench;

import org.HdrHistogram.Histogram;

/**
 * End-to-end latency percentiles, in milliseconds (recorded in microseconds, 3 significant digits).
 *
 * @param count records measured
 */
public record LatencyStats(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                           double maxMs) {

    /** The figures of a histogram of microseconds. */
    static LatencyStats of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(micros.getTotalCount(), ms(micros.getMean()),
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
