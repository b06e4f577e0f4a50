package dev.newswire.tagger.data;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code <REUTERS>} story of Reuters-21578, as read by {@link ReutersSgml}.
 *
 * <p>{@code title}, {@code dateline} and {@code body} are cleaned text: SGML entities decoded, control
 * characters removed, the closing "Reuter" signature removed (from the body, and from the two titles that
 * carry it on a line of their own). {@code kerasText} is raw SGML
 * text chosen the way the Keras Reuters dataset chose it (see {@link ReutersSgml}); it is not cleaned and
 * for stories without a body it is another story's body, on purpose.
 *
 * @param newId           the NEWID attribute, 1 … 21578 in the distribution
 * @param lewisSplit      the LEWISSPLIT attribute: TRAIN, TEST or NOT-USED
 * @param cgiSplit        the CGISPLIT attribute: TRAINING-SET or PUBLISHED-TESTSET
 * @param topicsAttribute the TOPICS attribute: YES, NO or BYPASS (YES when absent, the DTD default)
 * @param topics          the {@code <D>} values inside {@code <TOPICS>}, in document order, duplicates kept
 * @param title           the cleaned TITLE, whitespace (including line breaks) collapsed; empty if none
 * @param dateline        the cleaned DATELINE, whitespace collapsed; empty if none
 * @param body            the cleaned BODY without the signature; empty if the story has no BODY
 * @param unprocessed     for a {@code <TEXT TYPE="UNPROC">} story (no TITLE, no BODY: 737 in the corpus), the
 *                        cleaned content of its TEXT element, cleaned like a body; empty for every other story
 * @param kerasText       the raw text the Keras dataset builder took for this story
 */
public record ReutersDocument(
        int newId,
        String lewisSplit,
        String cgiSplit,
        String topicsAttribute,
        List<String> topics,
        String title,
        String dateline,
        String body,
        String unprocessed,
        String kerasText) {

    /** The values the DTD allows for the TOPICS attribute. */
    public static final Set<String> TOPICS_ATTRIBUTE_VALUES = Set.of("YES", "NO", "BYPASS");

    /** Validates every component and copies {@code topics} into an immutable list. */
    public ReutersDocument {
        if (newId <= 0) {
            throw new IllegalArgumentException("newId must be positive, got " + newId);
        }
        Objects.requireNonNull(lewisSplit, "lewisSplit");
        Objects.requireNonNull(cgiSplit, "cgiSplit");
        Objects.requireNonNull(topicsAttribute, "topicsAttribute");
        if (!TOPICS_ATTRIBUTE_VALUES.contains(topicsAttribute)) {
            throw new IllegalArgumentException(
                    "topicsAttribute must be one of " + TOPICS_ATTRIBUTE_VALUES + ", got " + topicsAttribute);
        }
        topics = List.copyOf(topics);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dateline, "dateline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(unprocessed, "unprocessed");
        Objects.requireNonNull(kerasText, "kerasText");
    }

    /**
     * The document's own text: {@code title + "\n" + articleBody()}, trimmed; either part may be empty. The title
     * and the body are what the stream classifies as an article's headline and body.
     */
    public String text() {
        return (title + "\n" + articleBody()).strip();
    }

    /**
     * The body an article made from this story carries: the BODY, or for an unprocessed story (which has none) the
     * text of its TEXT element.
     */
    public String articleBody() {
        return body.isEmpty() ? unprocessed : body;
    }

    /** Whether the story had a non-empty BODY element. */
    public boolean hasBody() {
        return !body.isEmpty();
    }

    /** The id used in datasets: {@code String.valueOf(newId)}. */
    public String id() {
        return String.valueOf(newId);
    }
}
