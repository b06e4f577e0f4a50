package dev.newswire.tagger.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared access to the Reuters-21578 corpus for tests of every package. The corpus is read from
 * {@link ReutersCorpus#locate()} (the {@code NEWSWIRE_REUTERS_DIR} variable or
 * {@code ../shared/data/reuters21578}), parsed once per JVM and cached; a test that needs it is skipped
 * (JUnit assumption) where it is absent. Thread-safe.
 */
public final class ReutersFixture {

    private static List<ReutersDocument> corpus;

    private ReutersFixture() {
    }

    /** The parsed corpus, or skips the calling test with a message saying where it was looked for. */
    public static synchronized List<ReutersDocument> corpusOrSkip() {
        if (corpus == null) {
            Path location = corpusLocationOrSkip();
            try {
                corpus = ReutersCorpus.read(location);
            } catch (IOException e) {
                throw new UncheckedIOException("Reuters-21578 corpus at " + location + " could not be read", e);
            }
        }
        return corpus;
    }

    /** The corpus directory (or tar.gz), or skips the calling test. */
    public static Path corpusLocationOrSkip() {
        Optional<Path> location = ReutersCorpus.locate();
        Assumptions.assumeTrue(location.isPresent(), () -> "Reuters-21578 corpus not found at "
                + ReutersCorpus.candidateLocation() + "; set " + ReutersCorpus.ENVIRONMENT_VARIABLE
                + " to run this test");
        return location.orElseThrow();
    }
}
