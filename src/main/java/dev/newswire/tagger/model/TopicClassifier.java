package dev.newswire.tagger.model;

import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Vectorizer;
import java.util.List;

/**
 * Vectorize → score → decode for one model: the whole path from text to {@link Prediction}. A text with no word
 * the model knows is not scored: the prediction abstains. Not thread-safe (it owns a {@link Classifier}).
 */
public final class TopicClassifier {

    private final Vectorizer vectorizer;
    private final Classifier classifier;
    private final List<String> labels;
    private final int topK;

    public TopicClassifier(Vectorizer vectorizer, Classifier classifier, List<String> labels, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1: " + topK);
        }
        this.vectorizer = vectorizer;
        this.classifier = classifier;
        this.labels = List.copyOf(labels);
        this.topK = topK;
    }

    /** Classifies {@code text}. */
    public Prediction classify(String text) {
        return classify(vectorizer.vectorize(text));
    }

    /** Classifies an already computed feature vector. */
    public Prediction classify(SparseVector vector) {
        if (vector.isEmpty()) {
            return Prediction.abstain();
        }
        return Prediction.decode(classifier.scores(vector), labels, topK);
    }

    public Vectorizer vectorizer() {
        return vectorizer;
    }
}
