package dev.newswire.tagger.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer as it was before the fast path (issue 4): a lower-cased copy of the text, a StringBuilder and a
 * string per token. Only the baseline of {@link TokenizerBenchmark}; the tests keep the same code as the reference
 * the current tokenizer must equal.
 */
final class LegacyTokenizer {

    /** The Keras default filter characters, tab and newline included. */
    static final String KERAS_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    private static final boolean[] ASCII_SEPARATOR = new boolean[128];

    static {
        for (char c : KERAS_FILTERS.toCharArray()) {
            ASCII_SEPARATOR[c] = true;
        }
        ASCII_SEPARATOR[' '] = true;
    }

    private LegacyTokenizer() {
    }

    /** The tokens of {@code text} in order, duplicates kept; empty for null or blank text. */
    static List<String> tokenize(String text) {
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
