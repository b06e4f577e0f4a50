package dev.newswire.tagger.train;

import dev.newswire.tagger.data.MultiLabelDocument;
import dev.newswire.tagger.model.Dl4jClassifier;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.TopicThresholds;
import dev.newswire.tagger.text.SparseVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a multi-label bundle on documents exactly as the stream classifies them: the bundle's vectorizer, its
 * thresholds and their rule ({@link TopicThresholds#assign}); a document without a known word abstains and gets no
 * topic. Topics of the documents that the model does not know count as misses.
 */
public final class MultiLabelEvaluator {

    private static final int BATCH = 512;

    private MultiLabelEvaluator() {
    }

    /**
     * The metrics of {@code bundle} on {@code documents}.
     *
     * @throws IllegalArgumentException if the bundle is not a multi-label model
     */
    public static MultiLabelEvaluation evaluate(ModelBundle bundle, List<MultiLabelDocument> documents) {
        TopicThresholds thresholds = bundle.thresholds().orElseThrow(() -> new IllegalArgumentException(
                "model " + bundle.manifest().coordinates() + " is single-label; a multi-label split needs a multi-label model"));
        List<String> labels = new ArrayList<>(bundle.labels());
        documents.forEach(d -> d.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add));
        boolean[][] truth = MultiLabelTrainer.membership(labels, documents);
        boolean[][] predicted = new boolean[documents.size()][labels.size()];
        Dl4jClassifier classifier = bundle.newClassifier();
        int abstained = 0;
        for (int from = 0; from < documents.size(); from += BATCH) {
            int to = Math.min(documents.size(), from + BATCH);
            List<SparseVector> vectors = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                vectors.add(bundle.vectorizer().vectorize(documents.get(i).text()));
            }
            float[][] scores = classifier.scoreBatch(vectors);
            for (int i = from; i < to; i++) {
                if (vectors.get(i - from).isEmpty()) {
                    abstained++;
                    continue;
                }
                for (int t : thresholds.assign(scores[i - from])) {
                    predicted[i][t] = true;
                }
            }
        }
        return MultiLabelEvaluation.of(labels, truth, predicted, abstained);
    }
}
