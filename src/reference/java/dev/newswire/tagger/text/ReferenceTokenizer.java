package dev.newswire.tagger.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer as it was before {@link Tokenizer} learned to scan without a string per token: kept, verbatim but
 * for its name, only as the reference the new one must equal ({@code TokenizerCorpusTest}) and as the baseline of
 * the JMH benchmarks. It lives in {@code src/reference/java}, which the tests and the {@code bench} profile compile
 * (never the application).
 *
 * <p>Splits text into lower-case word tokens exactly as Keras' {@code text_to_word_sequence} does with its default
 * filters: the text is lower-cased with {@link Locale#ROOT}, each of
 * {@code !"#$%&()*+,-./:;<=>?@[\]^_`{|}~}, tab and newline is a separator, and numbers stay tokens.
 *
 * <p>Deliberate extensions for text that is not 1987 newswire ASCII: every other Unicode whitespace character
 * ({@code \r}, no-break space, ...) and every unpaired surrogate is a separator, where Keras would glue it into a
 * token (an unpaired surrogate could not even be written to a vocabulary file); invisible format characters
 * (Unicode category Cf: zero-width space and joiners, direction marks, soft hyphen, BOM) are dropped, so
 * {@code "o\u200bil"} is {@code "oil"}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReferenceTokenizer {

    /** The Keras default filter characters, tab and newline included. */
    static final String KERAS_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    private static final boolean[] ASCII_SEPARATOR = new boolean[128];

    static {
        for (char c : KERAS_FILTERS.toCharArray()) {
            ASCII_SEPARATOR[c] = true;
        }
        ASCII_SEPARATOR[' '] = true;
    }

    private ReferenceTokenizer() {
    }

    /** The tokens of {@code text} in order, duplicates kept; empty for null or blank text. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < lower.length() && Character.isLowSurrogate(lower.charAt(i + 1))) {
                if (Character.getType(lower.codePointAt(i)) != Character.FORMAT) {
                    token.append(c).append(lower.charAt(i + 1));
                }
                i++;
            } else if (isSeparator(c) || Character.isSurrogate(c)) {
                flush(token, tokens);
            } else if (Character.getType(c) != Character.FORMAT) {
                token.append(c);
            }
        }
        flush(token, tokens);
        return tokens;
    }

    private static void flush(StringBuilder token, List<String> tokens) {
        if (token.length() > 0) {
            tokens.add(token.toString());
            token.setLength(0);
        }
    }

    /** Whether {@code c} separates tokens. */
    static boolean isSeparator(char c) {
        if (c < 128) {
            return ASCII_SEPARATOR[c] || Character.isWhitespace(c);
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
