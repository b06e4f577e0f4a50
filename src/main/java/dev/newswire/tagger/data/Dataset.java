package dev.newswire.tagger.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named single-label dataset: its label set and a train and a test partition. Immutable.
 *
 * @param name   the dataset's name, e.g. "keras46"; not blank
 * @param labels the labels; their positions are the label indices a model is trained with; distinct
 * @param train  the training documents, in order
 * @param test   the test documents, in order
 */
public record Dataset(String name, List<String> labels, List<LabeledDocument> train, List<LabeledDocument> test) {

    /** Copies the lists (immutable) and checks that labels are distinct and every document's label is one. */
    public Dataset {
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

    private static void requireKnownLabels(String name, String part, List<LabeledDocument> documents, Set<String> known) {
        for (LabeledDocument document : documents) {
            if (!known.contains(document.label())) {
                throw new IllegalArgumentException("dataset " + name + ": " + part + " document " + document.id()
                        + " has label '" + document.label() + "', which is not among the labels");
            }
        }
    }

    /**
     * The index of {@code label} in {@link #labels()} (a linear search; label lists are short).
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
     * A SHA-256 digest, as 64 lower-case hex digits, of everything a model trained on this dataset saw:
     * the name, the labels in order, then {@code (id, label, text)} of every train and then every test
     * document, in order. Each string is hashed as its UTF-8 length (4-byte big-endian) and bytes, each list
     * as its size then its elements, so that no two different datasets share an encoding.
     */
    public String fingerprint() {
        return Fingerprint.of(out -> {
            Fingerprint.writeString(out, name);
            Fingerprint.writeStrings(out, labels);
            writeDocuments(out, train);
            writeDocuments(out, test);
        });
    }

    private static void writeDocuments(DataOutputStream out, List<LabeledDocument> documents) throws IOException {
        out.writeInt(documents.size());
        for (LabeledDocument document : documents) {
            Fingerprint.writeString(out, document.id());
            Fingerprint.writeString(out, document.label());
            Fingerprint.writeString(out, document.text());
        }
    }
}
