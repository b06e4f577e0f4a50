package dev.newswire.tagger.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outputs of the one-thread and the two-thread runs compared article by article.
 *
 * @param articles        articles sent to each run
 * @param compared        articles tagged by both
 * @param mismatches      of those, articles whose classifications differ
 * @param missingInFirst  articles with no output from the first run
 * @param missingInSecond articles with no output from the second run
 * @param examples        up to 5 differences, both classifications in full
 */
public record Verification(long articles, long compared, long mismatches, long missingInFirst, long missingInSecond,
                           List<String> examples) {

    public Verification {
        examples = List.copyOf(examples);
    }

    /** Every article tagged by both runs, identically. */
    @JsonProperty
    public boolean equal() {
        return compared == articles && mismatches == 0;
    }
}
