package dev.newswire.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final List<List<String>> DOCS = List.of(
            List.of("oil", "prices", "oil", "rise"),
            List.of("wheat", "prices", "fall"),
            List.of("oil", "wheat"));

    @Test
    void shouldKeepTheMostFrequentWordsByTotalCount() {
        Vocabulary vocabulary = Vocabulary.build(DOCS, 3);
        // oil ×3, then prices ×2 and wheat ×2 (tie: alphabetical), then fall, rise ×1 dropped.
        assertThat(vocabulary.words()).containsExactly("oil", "prices", "wheat");
        assertThat(vocabulary.indexOf("prices")).isEqualTo(1);
        assertThat(vocabulary.indexOf("fall")).isEqualTo(-1);
    }

    @Test
    void shouldBreakTiesIndependentlyOfDocumentOrder() {
        Vocabulary forward = Vocabulary.build(DOCS, 10);
        Vocabulary backward = Vocabulary.build(List.of(DOCS.get(2), DOCS.get(1), DOCS.get(0)), 10);
        assertThat(backward.words()).isEqualTo(forward.words());
        assertThat(forward.words()).containsExactly("oil", "prices", "wheat", "fall", "rise");
    }

    @Test
    void shouldCountDocumentFrequencyOncePerDocument() {
        Vocabulary vocabulary = Vocabulary.build(DOCS, 10);
        assertThat(vocabulary.documentFrequency(vocabulary.indexOf("oil"))).isEqualTo(2);
        assertThat(vocabulary.documentCount()).isEqualTo(3);
    }

    @Test
    void shouldRoundTripThroughItsTextForm() {
        Vocabulary vocabulary = Vocabulary.build(DOCS, 10);
        Vocabulary back = Vocabulary.fromTsv(vocabulary.toTsv());
        assertThat(back.words()).isEqualTo(vocabulary.words());
        assertThat(back.documentCount()).isEqualTo(3);
        assertThat(back.sha256()).isEqualTo(vocabulary.sha256());
    }

    @Test
    void shouldRejectMalformedTextFormWithTheLineNumber() {
        assertThatThrownBy(() -> Vocabulary.fromTsv("#documents\t3\noil\t3\t2\nbroken line\n"))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> Vocabulary.fromTsv("oil\t3\t2\n")).hasMessageContaining("first line");
        assertThatThrownBy(() -> Vocabulary.fromTsv("#documents\t3\noil\t3\t2\noil\t1\t1\n"))
                .hasMessageContaining("duplicate word 'oil'");
    }
}
