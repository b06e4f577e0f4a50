package dev.newswire.tagger.train;

import java.util.List;
import java.util.Objects;

/**
 * Two models' predictions on the same labelled documents, paired document by document: how often both, only one or
 * neither is right, how often they agree, and McNemar's test of whether the two error rates differ (chi-square with
 * continuity correction over the documents exactly one of them gets right; 3.84 is the 5 % level, one degree of
 * freedom). An abstention (null) is a wrong prediction.
 *
 * @param documents   documents compared
 * @param bothRight   right by both
 * @param onlyFirst   right by the first model only
 * @param onlySecond  right by the second model only
 * @param bothWrong   wrong by both
 * @param agreements  documents given the same topic (or both abstaining)
 * @param mcNemarChiSquare {@code max(0, |onlyFirst - onlySecond| - 1)^2 / (onlyFirst + onlySecond)}, 0 when both are 0
 */
public record Comparison(int documents, int bothRight, int onlyFirst, int onlySecond, int bothWrong, int agreements,
                         double mcNemarChiSquare) {

    /** The chi-square beyond which the difference is significant at the 5 % level. */
    public static final double CHI_SQUARE_5_PERCENT = 3.841;

    /**
     * Pairs the predictions.
     *
     * @param truth  the true topic of each document
     * @param first  the first model's topic for each, null where it abstained
     * @param second the second model's
     */
    public static Comparison of(List<String> truth, String[] first, String[] second) {
        if (first.length != truth.size() || second.length != truth.size()) {
            throw new IllegalArgumentException("predictions for " + first.length + " and " + second.length
                    + " documents, truth for " + truth.size());
        }
        int both = 0;
        int onlyFirst = 0;
        int onlySecond = 0;
        int neither = 0;
        int agree = 0;
        for (int i = 0; i < truth.size(); i++) {
            boolean a = truth.get(i).equals(first[i]);
            boolean b = truth.get(i).equals(second[i]);
            if (a && b) {
                both++;
            } else if (a) {
                onlyFirst++;
            } else if (b) {
                onlySecond++;
            } else {
                neither++;
            }
            if (Objects.equals(first[i], second[i])) {
                agree++;
            }
        }
        int discordant = onlyFirst + onlySecond;
        double chi = discordant == 0 ? 0 : Math.pow(Math.max(0, Math.abs(onlyFirst - onlySecond) - 1), 2) / discordant;
        return new Comparison(truth.size(), both, onlyFirst, onlySecond, neither, agree, chi);
    }

    /** Whether the two models' accuracies differ at the 5 % level (McNemar). */
    public boolean significant() {
        return mcNemarChiSquare > CHI_SQUARE_5_PERCENT;
    }
}
