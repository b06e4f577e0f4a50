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
 * metrics then list that label too. Every document is scored once per call, in batches on the DL4J reference engine:
 * the topics are the stream's, the scores equal the serving engine's within float rounding.
 */
public final class Evaluator {

    private static final int BATCH = 512;

    private Evaluator() {
    }

    /** The metrics of {@code bundle} on {@code documents}. */
    public static Evaluation evaluate(ModelBundle bundle, List<LabeledDocument> documents) {
        return evaluateScored(bundle, documents).evaluation();
    }

    /** The metrics and the calibration of {@code bundle} on {@code documents}, from one scoring pass. */
    public static ScoredEvaluation evaluateScored(ModelBundle bundle, List<LabeledDocument> documents) {
        // The bundle's labels first, so that a predicted label index is the same in both lists.
        Set<String> labelSet = new LinkedHashSet<>(bundle.labels());
        documents.forEach(d -> labelSet.add(d.label()));
        List<String> labels = List.copyOf(labelSet);
        int[] truth = documents.stream().mapToInt(d -> labels.indexOf(d.label())).toArray();
        return ScoredEvaluation.of(labels, truth, scoredPredictions(bundle, documents));
    }

    /** The topic the bundle gives each document, as the stream processor would; null where it abstains. */
    public static String[] predictions(ModelBundle bundle, List<LabeledDocument> documents) {
        return scoredPredictions(bundle, documents).stream()
                .map(p -> p.abstained() ? null : bundle.labels().get(p.predicted()))
                .toArray(String[]::new);
    }

    /**
     * Each document's prediction with its confidence and the score of its true topic, as the stream processor
     * would classify it; label indices are those of {@link ModelBundle#labels()}.
     */
    public static List<ScoredPrediction> scoredPredictions(ModelBundle bundle, List<LabeledDocument> documents) {
        List<ScoredPrediction> predictions = new ArrayList<>(documents.size());
        Dl4jClassifier classifier = bundle.newClassifier();
        for (int from = 0; from < documents.size(); from += BATCH) {
            int to = Math.min(documents.size(), from + BATCH);
            List<SparseVector> vectors = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                vectors.add(Trainer.featuresOf(bundle.vectorizer(), documents.get(i)));
            }
            float[][] scores = classifier.scoreBatch(vectors);
            for (int i = from; i < to; i++) {
                int trueLabel = bundle.labels().indexOf(documents.get(i).label());
                predictions.add(ScoredPrediction.of(vectors.get(i - from), scores[i - from], trueLabel));
            }
        }
        return predictions;
    }
}
