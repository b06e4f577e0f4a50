package dev.newswire.tagger.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code <REUTERS>} stories of one Reuters-21578 SGML file (already decoded to a string; the
 * files are read as ISO-8859-1 because a few bytes are not valid UTF-8).
 *
 * <p>A hand-written scanner with {@code indexOf}: the SGML of this corpus is flat and regular, parsing all
 * 22 files takes well under a second, and a generic HTML/SGML parser (jsoup and the like) would normalise the
 * raw text that {@link ReutersDocument#kerasText()} must keep byte for byte. Elements are found by their
 * literal tags inside each story's {@code <REUTERS ...>} … {@code </REUTERS>} range.
 *
 * <h2>Keras text</h2>
 * The Keras dataset builder ({@code make_reuters_dataset} in early Keras) read each file into one string
 * {@code s} and, for every {@code <TOPICS>} tag, took {@code s.find('<BODY>')} after it and the text up to
 * the next {@code "</"}. This class does the same on the raw text, within one file (not across files,
 * because Keras searched each file's string separately):
 * <ul>
 *   <li>a story without a BODY gets the next body in the same file, i.e. another story's text
 *       (974 of the 975 bodyless stories among the 11,228 Keras stories; kept on purpose, it is what the
 *       Keras data contains);</li>
 *   <li>if no {@code <BODY>} follows in the file, Python's {@code find} returned -1, so the text starts 5
 *       characters after {@code <TOPICS>}: for {@code <TOPICS><D>earn</D>...} that is {@code "rn"}. This
 *       happens once in the corpus (NEWID 7000, the last story of reut2-006.sgm) and is reproduced too;</li>
 *   <li>if no {@code "</"} follows, Python's slice {@code [:-1]} dropped the last character of the file.</li>
 * </ul>
 * Stories whose {@code <TOPICS>} is empty (which Keras skipped) get their Keras text by the same rule.
 *
 * <p>Thread-safe: stateless.
 */
public final class ReutersSgml {

    private static final String STORY_OPEN = "<REUTERS";
    private static final String STORY_CLOSE = "</REUTERS>";
    private static final String KERAS_TOPICS_TAG = "<TOPICS>";
    private static final String KERAS_BODY_TAG = "<BODY>";
    private static final String UNPROCESSED_TEXT_TAG = "<TEXT TYPE=\"UNPROC\">";

    private ReutersSgml() {
    }

    /**
     * All stories of one SGML file, in file order.
     *
     * @param source name of the file, for error messages
     * @param sgml   the file's content
     * @throws DatasetFormatException naming source and line if a story is unclosed, lacks NEWID or has a
     *                                malformed start tag
     */
    public static List<ReutersDocument> parse(String source, String sgml) throws DatasetFormatException {
        List<ReutersDocument> stories = new ArrayList<>();
        int position = 0;
        int start;
        while ((start = findStoryStart(sgml, position)) >= 0) {
            int startTagEnd = sgml.indexOf('>', start);
            if (startTagEnd < 0) {
                throw error(source, sgml, start, "unterminated <REUTERS start tag");
            }
            int end = sgml.indexOf(STORY_CLOSE, startTagEnd);
            if (end < 0) {
                throw error(source, sgml, start, "<REUTERS> without </REUTERS>");
            }
            stories.add(parseStory(source, sgml, new Range(start, startTagEnd + 1, end)));
            position = end + STORY_CLOSE.length();
        }
        return List.copyOf(stories);
    }

    /** A story: where its start tag begins, where its content begins and where {@code </REUTERS>} begins. */
    private record Range(int tagStart, int contentStart, int contentEnd) {
    }

    private static int findStoryStart(String sgml, int from) {
        int start = sgml.indexOf(STORY_OPEN, from);
        while (start >= 0 && !isTagNameEnd(sgml, start + STORY_OPEN.length())) {
            start = sgml.indexOf(STORY_OPEN, start + 1);
        }
        return start;
    }

    private static boolean isTagNameEnd(String sgml, int index) {
        return index < sgml.length() && (sgml.charAt(index) == '>' || Character.isWhitespace(sgml.charAt(index)));
    }

    private static ReutersDocument parseStory(String source, String sgml, Range story)
            throws DatasetFormatException {
        Map<String, String> attributes = attributes(source, sgml, story);
        String newId = attributes.get("NEWID");
        if (newId == null) {
            throw error(source, sgml, story.tagStart(), "<REUTERS> without NEWID");
        }
        try {
            return new ReutersDocument(
                    Integer.parseInt(newId),
                    attributes.getOrDefault("LEWISSPLIT", ""),
                    attributes.getOrDefault("CGISPLIT", ""),
                    attributes.getOrDefault("TOPICS", "YES"),
                    topics(sgml, story),
                    SgmlText.cleanTitle(elementContent(sgml, story, "TITLE")),
                    SgmlText.cleanLine(elementContent(sgml, story, "DATELINE")),
                    SgmlText.cleanBody(elementContent(sgml, story, "BODY")),
                    unprocessedText(sgml, story),
                    kerasText(sgml, story));
        } catch (IllegalArgumentException e) {
            throw error(source, sgml, story.tagStart(), e.getMessage());
        }
    }

    /** The {@code NAME="value"} pairs of the story's start tag. */
    private static Map<String, String> attributes(String source, String sgml, Range story)
            throws DatasetFormatException {
        Map<String, String> attributes = new HashMap<>();
        int i = story.tagStart() + STORY_OPEN.length();
        int end = story.contentStart() - 1;
        while (true) {
            while (i < end && Character.isWhitespace(sgml.charAt(i))) {
                i++;
            }
            if (i >= end) {
                return attributes;
            }
            int equals = sgml.indexOf('=', i);
            if (equals < 0 || equals >= end - 1 || sgml.charAt(equals + 1) != '"') {
                throw error(source, sgml, story.tagStart(), "malformed attribute in <REUTERS> start tag");
            }
            int closingQuote = sgml.indexOf('"', equals + 2);
            if (closingQuote < 0 || closingQuote >= end) {
                throw error(source, sgml, story.tagStart(), "unterminated attribute value in <REUTERS> start tag");
            }
            attributes.put(sgml.substring(i, equals).strip(), sgml.substring(equals + 2, closingQuote));
            i = closingQuote + 1;
        }
    }

    /** The {@code <D>} values of the story's {@code <TOPICS>} element, in order. */
    private static List<String> topics(String sgml, Range story) {
        String topics = elementContent(sgml, story, "TOPICS");
        List<String> values = new ArrayList<>();
        int open;
        int from = 0;
        while ((open = topics.indexOf("<D>", from)) >= 0) {
            int close = topics.indexOf("</D>", open);
            int valueEnd = close < 0 ? topics.length() : close;
            String value = SgmlText.cleanLine(topics.substring(open + 3, valueEnd));
            if (!value.isEmpty()) {
                values.add(value);
            }
            from = valueEnd;
        }
        return values;
    }

    /**
     * The raw content of the story's first {@code <NAME>} or {@code <NAME attributes>} element, up to
     * {@code </NAME>} (or the end of the story if unclosed); empty if there is none.
     */
    static String elementContent(String sgml, int from, int to, String name) {
        String open = "<" + name;
        int start = sgml.indexOf(open, from);
        while (start >= 0 && start < to && !isTagNameEnd(sgml, start + open.length())) {
            start = sgml.indexOf(open, start + 1);
        }
        if (start < 0 || start >= to) {
            return "";
        }
        int contentStart = sgml.indexOf('>', start) + 1;
        if (contentStart <= 0 || contentStart > to) {
            return "";
        }
        int close = sgml.indexOf("</" + name + ">", contentStart);
        int contentEnd = close < 0 || close > to ? to : close;
        return sgml.substring(contentStart, contentEnd);
    }

    private static String elementContent(String sgml, Range story, String name) {
        return elementContent(sgml, story.contentStart(), story.contentEnd(), name);
    }

    /**
     * The cleaned content of a {@code <TEXT TYPE="UNPROC">} element (such stories have no TITLE or BODY, their
     * headline and text are all in it); empty if the story's TEXT is of another type.
     */
    private static String unprocessedText(String sgml, Range story) {
        int text = sgml.indexOf(UNPROCESSED_TEXT_TAG, story.contentStart());
        if (text < 0 || text >= story.contentEnd()) {
            return "";
        }
        return SgmlText.cleanBody(elementContent(sgml, text, story.contentEnd(), "TEXT"));
    }

    /** The raw text Keras took for this story; see the class comment. Empty if it has no {@code <TOPICS>}. */
    private static String kerasText(String sgml, Range story) {
        int topicsTag = sgml.indexOf(KERAS_TOPICS_TAG, story.contentStart());
        if (topicsTag < 0 || topicsTag >= story.contentEnd()) {
            return "";
        }
        return kerasTextAfter(sgml, topicsTag + KERAS_TOPICS_TAG.length());
    }

    /** Python's {@code b = s[s.find('<BODY>') + 6:]; b[:b.find('</')]} on {@code s = sgml[afterTopics:]}. */
    static String kerasTextAfter(String sgml, int afterTopics) {
        int bodyTag = sgml.indexOf(KERAS_BODY_TAG, afterTopics);
        int start = Math.min(sgml.length(), bodyTag < 0 ? afterTopics - 1 + KERAS_BODY_TAG.length()
                : bodyTag + KERAS_BODY_TAG.length());
        int close = sgml.indexOf("</", start);
        int end = close >= 0 ? close : Math.max(start, sgml.length() - 1);
        return sgml.substring(start, end);
    }

    private static DatasetFormatException error(String source, String sgml, int offset, String reason) {
        return new DatasetFormatException(source, lineOf(sgml, offset), reason);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
