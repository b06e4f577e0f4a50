package dev.newswire.tagger.train;

import dev.newswire.tagger.text.SparseVector;

/**
 * One document's classification with the two scores calibration needs, decoded from the network's output exactly as
 * the stream processor decodes it: the best topic is the highest score (ties to the lower label index), and a
 * document whose feature vector is empty (no word the model knows) abstains without a guess.
 *
 * @param predicted      label index of the best topic, -1 when the model abstained
 * @param confidence     the best topic's score (its softmax probability, 0 to 1), 0 when abstained
 * @param trueTopicScore the score the model gave the document's true topic; 0 when abstained or when the model does
 *                       not know the true topic
 */
public record ScoredPrediction(int predicted, double confidence, double trueTopicScore) {

    private static final ScoredPrediction ABSTENTION = new ScoredPrediction(-1, 0, 0);

    public ScoredPrediction {
        if (predicted < -1) {
            throw new IllegalArgumentException("predicted label index " + predicted + " (-1 is an abstention)");
        }
    }

    /**
     * Decodes one document's scores.
     *
     * @param vector    the document's feature vector; empty means abstain
     * @param scores    the network's scores of the vector, in label order
     * @param trueLabel the true topic's index in the same label order, -1 when the model does not know it
     */
    public static ScoredPrediction of(SparseVector vector, float[] scores, int trueLabel) {
        if (vector.isEmpty()) {
            return ABSTENTION;
        }
        int best = Trainer.argmax(scores);
        return new ScoredPrediction(best, scores[best], trueLabel < 0 ? 0 : scores[trueLabel]);
    }

    /** Whether the model abstained. */
    public boolean abstained() {
        return predicted < 0;
    }
}
