package dev.newswire.tagger.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void shouldPairThePredictionsDocumentByDocument() {
        List<String> truth = List.of("grain", "grain", "crude", "crude", "earn", "earn");
        String[] first = {"grain", "grain", "crude", "earn", null, "crude"};
        String[] second = {"grain", "crude", "grain", "crude", null, "ship"};

        Comparison c = Comparison.of(truth, first, second);

        assertThat(c.documents()).isEqualTo(6);
        assertThat(c.bothRight()).isEqualTo(1);   // document 0
        assertThat(c.onlyFirst()).isEqualTo(2);   // 1 and 2
        assertThat(c.onlySecond()).isEqualTo(1);  // 3
        assertThat(c.bothWrong()).isEqualTo(2);   // 4 (both abstain) and 5
        assertThat(c.agreements()).isEqualTo(2);  // 0 and 4
        // McNemar with continuity correction: (|2 - 1| - 1)^2 / 3 = 0.
        assertThat(c.mcNemarChiSquare()).isZero();
        assertThat(c.significant()).isFalse();
    }

    @Test
    void shouldCallALopsidedDifferenceSignificant() {
        List<String> truth = java.util.Collections.nCopies(30, "earn");
        String[] first = new String[30];
        String[] second = new String[30];
        java.util.Arrays.fill(first, "earn");
        java.util.Arrays.fill(second, "earn");
        for (int i = 0; i < 12; i++) {
            second[i] = "acq"; // the second is wrong on 12 that the first gets right, never the other way
        }

        Comparison c = Comparison.of(truth, first, second);

        // (|12 - 0| - 1)^2 / 12 = 121 / 12.
        assertThat(c.mcNemarChiSquare()).isCloseTo(121.0 / 12, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.significant()).isTrue();
        assertThat(c.agreements()).isEqualTo(18);
    }

    @Test
    void shouldRefusePredictionsThatDoNotMatchTheDocuments() {
        assertThatThrownBy(() -> Comparison.of(List.of("a", "b"), new String[] {"a"}, new String[] {"a", "b"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
