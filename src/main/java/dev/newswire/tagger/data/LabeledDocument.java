package dev.newswire.tagger.data;

import java.util.Objects;

/**
 * One training or test example: an id, its text and its single label.
 *
 * @param id    unique within its dataset, e.g. the Reuters NEWID ("1234") or "file.jsonl:12"; not empty
 * @param text  the text to classify; may be empty (a story with neither title nor body) but not null
 * @param label the gold label; not empty
 */
public record LabeledDocument(String id, String text, String label) {

    /** Rejects a null or empty id or label and a null text. */
    public LabeledDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (label.isEmpty()) {
            throw new IllegalArgumentException("label must not be empty (document " + id + ")");
        }
    }
}
