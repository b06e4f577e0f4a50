package dev.newswire.tagger.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the bench producer did.
 *
 * @param attempted     articles handed to the producer
 * @param acknowledged  articles the broker acknowledged
 * @param failed        articles that could not be sent
 * @param firstError    the first failure, or null
 * @param targetRate    the offered rate asked for, articles/s; 0 = as fast as possible
 * @param sendSeconds   from the first send to the last, seconds
 * @param maxLagMs      how far the sender fell behind its schedule at worst, ms (0 when unlimited)
 */
public record ProducerResult(long attempted, long acknowledged, long failed, String firstError, double targetRate,
                             double sendSeconds, double maxLagMs) {

    /** The offered rate achieved: articles handed over per second of sending. */
    @JsonProperty
    public double achievedRate() {
        return sendSeconds > 0 ? attempted / sendSeconds : 0;
    }
}
