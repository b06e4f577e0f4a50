package dev.newswire.tagger.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case word tokens exactly as Keras' {@code text_to_word_sequence} does with its default
 * filters: the text is lower-cased with {@link Locale#ROOT}, each of
 * {@code !"#$%&()*+,-./:;<=>?@[\]^_`{|}~}, tab and newline is a separator, and numbers stay tokens.
 *
 * <p>One deliberate extension: every other Unicode whitespace character ({@code \r}, no-break space, ...) is a
 * separator too, where Keras would glue it into a token. The Reuters-21578 corpus contains none, so on it the
 * tokens are identical to Keras'; a test proves that on the whole corpus.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

    /** The Keras default filter characters, tab and newline included. */
    public static final String KERAS_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    private static final boolean[] ASCII_SEPARATOR = new boolean[128];

    static {
        for (char c : KERAS_FILTERS.toCharArray()) {
            ASCII_SEPARATOR[c] = true;
        }
        ASCII_SEPARATOR[' '] = true;
    }

    private Tokenizer() {
    }

    /** The tokens of {@code text} in order, duplicates kept; empty for null or blank text. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); i++) {
            if (isSeparator(lower.charAt(i))) {
                if (start >= 0) {
                    tokens.add(lower.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            tokens.add(lower.substring(start));
        }
        return tokens;
    }

    /** Whether {@code c} separates tokens. */
    public static boolean isSeparator(char c) {
        if (c < 128) {
            return ASCII_SEPARATOR[c] || Character.isWhitespace(c);
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
