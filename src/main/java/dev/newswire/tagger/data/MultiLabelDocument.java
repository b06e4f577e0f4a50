package dev.newswire.tagger.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One training or test example of a multi-label dataset: an id, its text and its gold labels (one or more).
 *
 * @param id     unique within its dataset, e.g. the Reuters NEWID ("1234"); not empty
 * @param text   the text to classify; may be empty but not null
 * @param labels the gold labels, distinct, none empty, at least one; kept in the order given
 */
public record MultiLabelDocument(String id, String text, List<String> labels) {

    /** Rejects a null or empty id, a null text, and an empty label list, an empty label or a repeated one. */
    public MultiLabelDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        labels = List.copyOf(labels);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("document " + id + " has no label");
        }
        if (labels.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("document " + id + " has an empty label");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("document " + id + " repeats a label: " + labels);
        }
    }
}
