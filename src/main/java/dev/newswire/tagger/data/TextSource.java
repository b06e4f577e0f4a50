package dev.newswire.tagger.data;

/** Which text of a {@link ReutersDocument} a dataset uses. */
public enum TextSource {

    /** The document's own cleaned text: {@link ReutersDocument#text()} (title, newline, body). */
    OWN,

    /**
     * The raw text the Keras Reuters dataset used: {@link ReutersDocument#kerasText()}. Not cleaned, and for
     * stories without a body another story's body (see {@link ReutersSgml}); use it to compare with results
     * published on {@code keras.datasets.reuters}.
     */
    KERAS;

    /** This source's text of {@code document}. */
    public String of(ReutersDocument document) {
        return this == OWN ? document.text() : document.kerasText();
    }
}
