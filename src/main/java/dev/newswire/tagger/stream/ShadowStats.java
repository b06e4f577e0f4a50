package dev.newswire.tagger.stream;

import java.util.concurrent.atomic.AtomicLong;

/** Counts how often the shadow model agrees with the active one on the best topic. Thread-safe. */
public final class ShadowStats {

    private final AtomicLong agreed = new AtomicLong();
    private final AtomicLong disagreed = new AtomicLong();

    void record(boolean agree) {
        (agree ? agreed : disagreed).incrementAndGet();
    }

    public long agreed() {
        return agreed.get();
    }

    public long disagreed() {
        return disagreed.get();
    }

    /** Agreement ratio so far, NaN before any shadow scoring. */
    public double agreement() {
        long a = agreed.get();
        long total = a + disagreed.get();
        return total == 0 ? Double.NaN : (double) a / total;
    }
}
