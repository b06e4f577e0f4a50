package dev.newswire.tagger.train;

import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.model.Dl4jClassifier;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.text.SparseVector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a bundle on labelled documents exactly as the stream processor classifies them (same vectorizer, a
 * document without a known word abstains). Documents whose label the model does not know count as errors; the
 * metrics then list that label too.
 */
public final class Evaluator {

    private static final int BATCH = 512;

    private Evaluator() {
    }

    public static Evaluation evaluate(ModelBundle bundle, List<LabeledDocument> documents) {
        Set<String> labelSet = new LinkedHashSet<>(bundle.labels());
        documents.forEach(d -> labelSet.add(d.label()));
        List<String> labels = List.copyOf(labelSet);
        int[] truth = documents.stream().mapToInt(d -> labels.indexOf(d.label())).toArray();
        String[] topics = predictions(bundle, documents);
        int[] predicted = new int[documents.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = topics[i] == null ? -1 : labels.indexOf(topics[i]);
        }
        return Evaluation.of(labels, truth, predicted, 10);
    }

    /** The topic the bundle gives each document, as the stream processor would; null where it abstains. */
    public static String[] predictions(ModelBundle bundle, List<LabeledDocument> documents) {
        String[] topics = new String[documents.size()];
        Dl4jClassifier classifier = bundle.newClassifier();
        for (int from = 0; from < documents.size(); from += BATCH) {
            int to = Math.min(documents.size(), from + BATCH);
            List<SparseVector> vectors = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                vectors.add(Trainer.featuresOf(bundle.vectorizer(), documents.get(i)));
            }
            float[][] scores = classifier.scoreBatch(vectors);
            for (int i = from; i < to; i++) {
                topics[i] = vectors.get(i - from).isEmpty() ? null : bundle.labels().get(Trainer.argmax(scores[i - from]));
            }
        }
        return topics;
    }
}
