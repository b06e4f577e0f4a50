package dev.newswire.tagger.jmh;

import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The benchmarks' input: the 2,246 keras46 test newswires (their own text), read from the Reuters corpus. */
final class Articles {

    private Articles() {
    }

    /**
     * The texts, in test-set order.
     *
     * @throws IllegalStateException naming where the corpus was looked for, if it is not there
     */
    static List<String> keras46Test() throws IOException {
        Path corpus = ReutersCorpus.locate().orElseThrow(() -> new IllegalStateException(
                "Reuters-21578 corpus not found at " + ReutersCorpus.candidateLocation() + "; set "
                        + ReutersCorpus.ENVIRONMENT_VARIABLE + " (the benchmarks run on real newswires only)"));
        return Splits.keras46(ReutersCorpus.read(corpus), TextSource.OWN).test().stream()
                .map(LabeledDocument::text).toList();
    }
}
