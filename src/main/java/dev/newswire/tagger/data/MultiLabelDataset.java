package dev.newswire.tagger.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named multi-label dataset: its label set and a train and a test partition whose documents each carry one or
 * more of the labels. The sibling of the single-label {@link Dataset}. Immutable.
 *
 * @param name   the dataset's name, e.g. "modapte90"; not blank
 * @param labels the labels; their positions are the output indices a model is trained with; distinct
 * @param train  the training documents, in order
 * @param test   the test documents, in order
 */
public record MultiLabelDataset(String name, List<String> labels, List<MultiLabelDocument> train,
                                List<MultiLabelDocument> test) {

    /** Copies the lists (immutable) and checks that labels are distinct and every document's labels are among them. */
    public MultiLabelDataset {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
        labels = List.copyOf(labels);
        train = List.copyOf(train);
        test = List.copyOf(test);
        Set<String> known = new HashSet<>(labels);
        if (known.size() != labels.size()) {
            throw new IllegalArgumentException("dataset " + name + " has duplicate labels: " + labels);
        }
        requireKnownLabels(name, "train", train, known);
        requireKnownLabels(name, "test", test, known);
    }

    private static void requireKnownLabels(String name, String part, List<MultiLabelDocument> documents,
                                           Set<String> known) {
        for (MultiLabelDocument document : documents) {
            for (String label : document.labels()) {
                if (!known.contains(label)) {
                    throw new IllegalArgumentException("dataset " + name + ": " + part + " document " + document.id()
                            + " has label '" + label + "', which is not among the labels");
                }
            }
        }
    }

    /**
     * The index of {@code label} in {@link #labels()}.
     *
     * @throws IllegalArgumentException if it is not a label of this dataset
     */
    public int labelIndex(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("'" + label + "' is not a label of dataset " + name);
        }
        return index;
    }

    /**
     * A SHA-256 digest (64 lower-case hex digits) of everything a model trained on this dataset saw, encoded as
     * {@link Dataset#fingerprint()} encodes a single-label dataset, except that each document contributes its
     * label list (size, then each label) where a single-label document has one label. The leading tag
     * {@code "multi-label"} keeps the two encodings apart.
     */
    public String fingerprint() {
        return Fingerprint.of(out -> {
            Fingerprint.writeString(out, "multi-label");
            Fingerprint.writeString(out, name);
            Fingerprint.writeStrings(out, labels);
            writeDocuments(out, train);
            writeDocuments(out, test);
        });
    }

    private static void writeDocuments(DataOutputStream out, List<MultiLabelDocument> documents) throws IOException {
        out.writeInt(documents.size());
        for (MultiLabelDocument document : documents) {
            Fingerprint.writeString(out, document.id());
            Fingerprint.writeStrings(out, document.labels());
            Fingerprint.writeString(out, document.text());
        }
    }
}
