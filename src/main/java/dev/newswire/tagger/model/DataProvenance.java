package dev.newswire.tagger.model;

/**
 * Which data a model was trained and tested on.
 *
 * @param split       e.g. {@code keras46}, {@code r8}, {@code jsonl}
 * @param textSource  {@code own} or {@code keras}
 * @param fingerprint SHA-256 of the split's documents and labels
 */
public record DataProvenance(String split, String textSource, String fingerprint,
                             int trainDocuments, int validationDocuments, int testDocuments) {
    public DataProvenance {
        if (split == null || split.isBlank() || fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("split and fingerprint are required");
        }
        if (trainDocuments < 0 || validationDocuments < 0 || testDocuments < 0) {
            throw new IllegalArgumentException("document counts must be >= 0");
        }
    }
}
