package dev.newswire.tagger.text;

/**
 * How a headline (or title) and a body make up the text that is classified. Shared by the corpus readers and the
 * stream processor so that a Reuters document and the article built from it give the same tokens.
 */
public final class ArticleText {

    private ArticleText() {
    }

    /** {@code headline + "\n" + body}, either may be null or empty. */
    public static String of(String headline, String body) {
        String h = headline == null ? "" : headline;
        String b = body == null ? "" : body;
        if (h.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return h;
        }
        return h + "\n" + b;
    }
}
