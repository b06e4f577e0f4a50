package dev.newswire.tagger.model;

import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Vectorizer;
import java.util.List;

/**
 * Vectorize → score → decode for one model: the whole path from text to {@link Prediction}. A text with no word
 * the model knows is not scored: the prediction abstains. With {@link TopicThresholds} (a multi-label model) the
 * prediction also carries the topics they assign. Not thread-safe (it owns a {@link Classifier}).
 */
public final class TopicClassifier {

    private final Vectorizer vectorizer;
    private final Classifier classifier;
    private final List<String> labels;
    private final int topK;
    /** Null for a single-label model. */
    private final TopicThresholds thresholds;

    /** A single-label model's pipeline. */
    public TopicClassifier(Vectorizer vectorizer, Classifier classifier, List<String> labels, int topK) {
        this(vectorizer, classifier, labels, topK, null);
    }

    /**
     * A pipeline; {@code thresholds} null for a single-label model, else one per label (a multi-label model).
     *
     * @throws IllegalArgumentException if {@code topK < 1} or the thresholds are not one per label
     */
    public TopicClassifier(Vectorizer vectorizer, Classifier classifier, List<String> labels, int topK,
                           TopicThresholds thresholds) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1: " + topK);
        }
        if (thresholds != null && thresholds.size() != labels.size()) {
            throw new IllegalArgumentException(thresholds.size() + " thresholds for " + labels.size() + " labels");
        }
        this.vectorizer = vectorizer;
        this.classifier = classifier;
        this.labels = List.copyOf(labels);
        this.topK = topK;
        this.thresholds = thresholds;
    }

    /** Classifies {@code text}. */
    public Prediction classify(String text) {
        return classify(vectorizer.vectorize(text));
    }

    /** Classifies an already computed feature vector. */
    public Prediction classify(SparseVector vector) {
        if (vector.isEmpty()) {
            return thresholds == null ? Prediction.abstain() : Prediction.abstainMultiLabel();
        }
        float[] scores = classifier.scores(vector);
        return thresholds == null ? Prediction.decode(scores, labels, topK)
                : Prediction.decode(scores, labels, topK, thresholds);
    }

    public Vectorizer vectorizer() {
        return vectorizer;
    }
}
