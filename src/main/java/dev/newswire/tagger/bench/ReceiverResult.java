package dev.newswire.tagger.bench;

import java.util.List;

/**
 * What came back on the output and dead-letter topics.
 *
 * @param tagged             distinct articles tagged
 * @param deadLettered       distinct articles dead-lettered
 * @param duplicates         records for an article already received
 * @param unexpected         records whose key is no article of this run
 * @param missing            articles sent that never came back
 * @param missingExamples    up to 10 missing ids
 * @param warmup             receipts left out of the latency and throughput figures
 * @param latency            end-to-end latency after the warm-up: receipt minus the record's timestamp
 * @param sustainedRate      articles/s from the end of the warm-up to the last receipt
 * @param measuredRecords    records in that window
 * @param windowSeconds      the window's length
 * @param negativeLatencies  receipts stamped before their record's timestamp (clock steps), counted as 0
 * @param perSecond          every second from the first receipt on
 */
public record ReceiverResult(long tagged, long deadLettered, long duplicates, long unexpected, long missing,
                             List<String> missingExamples, long warmup, LatencyStats latency, double sustainedRate,
                             long measuredRecords, double windowSeconds, long negativeLatencies,
                             List<SecondStats> perSecond) {

    public ReceiverResult {
        missingExamples = List.copyOf(missingExamples);
        perSecond = List.copyOf(perSecond);
    }
}
