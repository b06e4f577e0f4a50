package dev.newswire.tagger.bench;

/**
 * The warm-up of a run: articles sent as fast as possible and awaited before the measured ones.
 *
 * @param messages articles sent
 * @param back     of those, tagged or dead-lettered
 * @param seconds  from the first send to the last receipt
 */
public record WarmupResult(int messages, long back, double seconds) {

    /** No warm-up. */
    static final WarmupResult NONE = new WarmupResult(0, 0, 0);

    /** Articles per second through the warm-up. */
    public double rate() {
        return seconds > 0 ? back / seconds : 0;
    }
}
