package dev.newswire.tagger.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case word tokens exactly as Keras' {@code text_to_word_sequence} does with its default
 * filters: the text is lower-cased with {@link Locale#ROOT}, each of
 * {@code !"#$%&()*+,-./:;<=>?@[\]^_`{|}~}, tab and newline is a separator, and numbers stay tokens.
 *
 * <p>Deliberate extensions for text that is not 1987 newswire ASCII: every other Unicode whitespace character
 * ({@code \r}, no-break space, ...) and every unpaired surrogate is a separator, where Keras would glue it into a
 * token (an unpaired surrogate could not even be written to a vocabulary file); invisible format characters
 * (Unicode category Cf: zero-width space and joiners, direction marks, soft hyphen, BOM) are dropped, so
 * {@code "o\u200bil"} is {@code "oil"}.
 *
 * <p>{@link #forEachToken} hands out tokens as ranges of a reused buffer, without a string per token (the
 * vectorizer looks them up as they are). ASCII text, newswire's usual case, is lower-cased character by
 * character as it is scanned; from the first other character on, the scan goes on in the whole text lower-cased
 * by {@link String#toLowerCase(Locale)}, whose result is the same on the ASCII part before it and which alone
 * knows the context-dependent and expanding cases (a final sigma, {@code İ}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

    /** The Keras default filter characters, tab and newline included. */
    public static final String KERAS_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /** Receives one token at a time; the characters are valid only during the call. */
    @FunctionalInterface
    public interface TokenSink {
        /** The token is {@code chars[start, start + length)}, lower case, never empty. */
        void token(char[] chars, int start, int length);
    }

    /** A token and its {@link String#hashCode()}, computed as it was scanned (for the vocabulary lookup). */
    @FunctionalInterface
    interface HashedTokenSink {
        void token(char[] chars, int start, int length, int hash);
    }

    private static final boolean[] ASCII_SEPARATOR = new boolean[128];
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c : KERAS_FILTERS.toCharArray()) {
            ASCII_SEPARATOR[c] = true;
        }
        for (char c = 0; c < 128; c++) {
            ASCII_SEPARATOR[c] |= c == ' ' || Character.isWhitespace(c);
            ASCII_LOWER[c] = Character.toLowerCase(c);
        }
    }

    private Tokenizer() {
    }

    /** The tokens of {@code text} in order, duplicates kept; empty for null or blank text. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        forEachToken(text, (chars, start, length) -> tokens.add(new String(chars, start, length)));
        return tokens;
    }

    /** Hands each token of {@code text} to {@code sink}, in order: the tokens {@link #tokenize} returns. */
    public static void forEachToken(String text, TokenSink sink) {
        scan(text, (chars, start, length, hash) -> sink.token(chars, start, length));
    }

    /** {@link #forEachToken}, with each token's hash code. */
    static void scan(String text, HashedTokenSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int n = text.length();
        char[] token = new char[Math.min(n, 64)];
        int length = 0;
        int hash = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                continueLowerCased(text.toLowerCase(Locale.ROOT), i, token, length, hash, sink);
                return;
            }
            if (ASCII_SEPARATOR[c]) {
                if (length > 0) {
                    sink.token(token, 0, length, hash);
                    length = 0;
                    hash = 0;
                }
            } else {
                if (length == token.length) {
                    token = Arrays.copyOf(token, 2 * length);
                }
                char lower = ASCII_LOWER[c];
                token[length++] = lower;
                hash = 31 * hash + lower;
            }
        }
        if (length > 0) {
            sink.token(token, 0, length, hash);
        }
    }

    /**
     * The scan of any text from {@code from} on, in {@code lower} (the whole text lower-cased, whose first
     * {@code from} characters are those of the ASCII scan so far), with the {@code length} characters of the
     * token in progress in {@code token} and their {@code hash}.
     */
    private static void continueLowerCased(String lower, int from, char[] token, int length, int hash,
                                           HashedTokenSink sink) {
        char[] buffer = token.length >= lower.length() ? token : Arrays.copyOf(token, lower.length());
        for (int i = from; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < lower.length() && Character.isLowSurrogate(lower.charAt(i + 1))) {
                if (Character.getType(lower.codePointAt(i)) != Character.FORMAT) {
                    buffer[length++] = c;
                    buffer[length++] = lower.charAt(i + 1);
                    hash = 31 * (31 * hash + c) + lower.charAt(i + 1);
                }
                i++;
            } else if (isSeparator(c) || Character.isSurrogate(c)) {
                if (length > 0) {
                    sink.token(buffer, 0, length, hash);
                    length = 0;
                    hash = 0;
                }
            } else if (Character.getType(c) != Character.FORMAT) {
                buffer[length++] = c;
                hash = 31 * hash + c;
            }
        }
        if (length > 0) {
            sink.token(buffer, 0, length, hash);
        }
    }

    /** Whether {@code c} separates tokens. */
    public static boolean isSeparator(char c) {
        if (c < 128) {
            return ASCII_SEPARATOR[c];
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
