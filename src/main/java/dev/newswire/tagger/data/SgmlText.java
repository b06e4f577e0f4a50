package dev.newswire.tagger.data;

import java.util.Locale;
import java.util.regex.Pattern;

/** Pure text clean-up steps for Reuters-21578 SGML content. */
final class SgmlText {

    /** The closing signature as it appears in the corpus: Reuter, REUTER, Reuters, REUTER..., REUTER^M. */
    private static final Pattern SIGNATURE = Pattern.compile("reuters?(\\.\\.\\.|\\^m)?");

    private SgmlText() {
    }

    /** A cleaned BODY: entities decoded, control characters removed, signature removed, trimmed. */
    static String cleanBody(String raw) {
        return stripReuterSignature(removeControlCharacters(decodeEntities(raw)).strip());
    }

    /** A cleaned one-line field (DATELINE, a topic): entities decoded, control characters removed, whitespace collapsed. */
    static String cleanLine(String raw) {
        return collapseWhitespace(removeControlCharacters(decodeEntities(raw))).strip();
    }

    /**
     * A cleaned TITLE: like {@link #cleanLine}, but first a signature on a line of its own is removed (two
     * brief stories carry it in the title); a headline that merely ends with the word "Reuters" is kept.
     */
    static String cleanTitle(String raw) {
        return collapseWhitespace(stripSignatureLines(removeControlCharacters(decodeEntities(raw)))).strip();
    }

    /** Removes trailing lines that hold nothing but a signature word. */
    static String stripSignatureLines(String text) {
        String rest = text.strip();
        int newline = rest.lastIndexOf('\n');
        while (newline >= 0 && SIGNATURE.matcher(rest.substring(newline + 1).strip().toLowerCase(Locale.ROOT)).matches()) {
            rest = rest.substring(0, newline).strip();
            newline = rest.lastIndexOf('\n');
        }
        return rest;
    }

    /**
     * Decodes {@code &lt; &gt; &amp; &quot; &apos;}, {@code &#N;} and {@code &#xH;}. Unknown or malformed
     * references are kept verbatim.
     */
    static String decodeEntities(String raw) {
        int amp = raw.indexOf('&');
        if (amp < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int copied = 0;
        while (amp >= 0) {
            int semicolon = raw.indexOf(';', amp + 1);
            // Entity names in this corpus are short; a far-away ';' means a bare '&'.
            if (semicolon > 0 && semicolon - amp <= 10) {
                int codePoint = entityCodePoint(raw.substring(amp + 1, semicolon));
                if (codePoint >= 0) {
                    out.append(raw, copied, amp).appendCodePoint(codePoint);
                    copied = semicolon + 1;
                }
            }
            amp = raw.indexOf('&', Math.max(amp + 1, copied));
        }
        return out.append(raw, copied, raw.length()).toString();
    }

    /** The code point of an entity name (without {@code &} and {@code ;}), or -1 if unknown. */
    static int entityCodePoint(String name) {
        switch (name) {
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            case "apos": return '\'';
            default: return numericCodePoint(name);
        }
    }

    private static int numericCodePoint(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        try {
            int value = Integer.parseInt(digits, hex ? 16 : 10);
            return Character.isValidCodePoint(value) ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Removes ISO control characters (U+0000–U+001F, U+007F–U+009F) except {@code \n}; a tab becomes a
     * space so that the columns of a table stay apart. The corpus uses {@code &#2; &#3; &#5; &#127;} etc.
     * as transmission noise, often inside words ("To&#127;&#127;day's"), so they are removed, not spaced.
     */
    static String removeControlCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c != '\n' && Character.isISOControl(c);
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (c == '\t') {
                    out.append(' ');
                } else if (!control) {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Removes trailing signature words ("Reuter", "REUTER", "Reuters", "REUTER...", "REUTER^M", any case)
     * and the whitespace before them; some stories are signed twice ("REUTER\n Reuter"). Misspelt signatures ("REUITER", "RUTER") and text glued to the word
     * ("REUTER11:43/VB") are left alone.
     */
    static String stripReuterSignature(String text) {
        String trimmed = text.strip();
        while (!trimmed.isEmpty()) {
            int lastSpace = lastWhitespace(trimmed);
            String lastWord = trimmed.substring(lastSpace + 1);
            if (!SIGNATURE.matcher(lastWord.toLowerCase(Locale.ROOT)).matches()) {
                break;
            }
            trimmed = trimmed.substring(0, lastSpace + 1).strip();
        }
        return trimmed;
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces every run of whitespace by one space. */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                inSpace = true;
            } else {
                if (inSpace && out.length() > 0) {
                    out.append(' ');
                }
                inSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
