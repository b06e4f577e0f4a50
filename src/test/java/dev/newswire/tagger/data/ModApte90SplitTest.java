package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModApte90SplitTest {

    private static ReutersDocument doc(int id, String split, String topicsAttribute, String... topics) {
        return new ReutersDocument(id, split, "TRAINING-SET", topicsAttribute, List.of(topics), "title " + id, "",
                "body " + id, "", "");
    }

    @Test
    void shouldKeepTopicsWithATrainAndATestDocumentAndTheDocumentsThatHaveOne() {
        List<ReutersDocument> corpus = List.of(
                doc(1, "TRAIN", "YES", "grain", "wheat", "onlytrain"),
                doc(2, "TRAIN", "YES", "onlytrain"),            // none of its topics survives: left out
                doc(3, "TEST", "YES", "wheat", "wheat"),        // a repeated topic counts once
                doc(4, "TEST", "YES", "grain", "onlytest"),
                doc(5, "TEST", "NO", "crude"),                  // TOPICS="NO": not ModApte, crude never counts
                doc(6, "TRAIN", "YES", "crude"),
                doc(7, "NOT-USED", "YES", "crude"),
                doc(8, "TRAIN", "YES"));                        // no topic at all

        MultiLabelDataset data = Splits.modApte90(corpus);

        assertThat(data.name()).isEqualTo("modapte90");
        assertThat(data.labels()).containsExactly("grain", "wheat");
        assertThat(data.train()).extracting(MultiLabelDocument::id).containsExactly("1");
        assertThat(data.train().get(0).labels()).containsExactly("grain", "wheat");
        assertThat(data.test()).extracting(MultiLabelDocument::id).containsExactly("3", "4");
        assertThat(data.test().get(0).labels()).containsExactly("wheat");
        assertThat(data.test().get(1).labels()).containsExactly("grain");
        assertThat(data.train().get(0).text()).isEqualTo("title 1\nbody 1");
    }

    @Test
    void shouldRejectADocumentWithoutLabelsOrWithARepeatedOne() {
        assertThatThrownBy(() -> new MultiLabelDocument("1", "", List.of())).hasMessageContaining("no label");
        assertThatThrownBy(() -> new MultiLabelDocument("1", "", List.of("a", "a"))).hasMessageContaining("repeats");
        assertThatThrownBy(() -> new MultiLabelDataset("x", List.of("a"), List.of(new MultiLabelDocument("1", "", List.of("b"))),
                List.of())).hasMessageContaining("'b'");
    }

    @Test
    void shouldFingerprintLabelsAndTexts() {
        MultiLabelDataset a = new MultiLabelDataset("x", List.of("a", "b"),
                List.of(new MultiLabelDocument("1", "t", List.of("a", "b"))), List.of());
        MultiLabelDataset b = new MultiLabelDataset("x", List.of("a", "b"),
                List.of(new MultiLabelDocument("1", "t", List.of("a"))), List.of());
        assertThat(a.fingerprint()).hasSize(64).isEqualTo(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }

    /**
     * The counts and facts below were checked against the SGML files with grep and a separate Python script, not
     * taken from this code: 90 topics, 7,770 / 3,019 documents (NLTK's ApteMod has 7,769 training documents; see
     * {@link Splits#modApte90}).
     */
    @Test
    void shouldHaveTheModApte90CountsOnTheCorpus() {
        MultiLabelDataset data = Splits.modApte90(ReutersFixture.corpusOrSkip());
        assertThat(data.labels()).hasSize(90);
        assertThat(data.train()).hasSize(7_770);
        assertThat(data.test()).hasSize(3_019);
        Map<String, MultiLabelDocument> train = byId(data.train());
        Map<String, MultiLabelDocument> test = byId(data.test());
        // NEWID 5467 lists corn twice: kept, corn once.
        assertThat(train.get("5467").labels()).containsExactly("grain", "wheat", "corn", "cotton", "sorghum", "barley");
        // NEWID 19918 (TEST) lists trade twice.
        assertThat(test.get("19918").labels()).containsExactly("trade");
        // NEWID 6: linseed has training documents only, so it is dropped from the story's topics.
        assertThat(train.get("6").labels()).containsExactly("veg-oil", "lin-oil", "soy-oil", "sun-oil", "soybean",
                "oilseed", "corn", "sunseed", "grain", "sorghum", "wheat");
        // NEWID 4808's only topic is inventories (training documents only): left out.
        assertThat(train).doesNotContainKey("4808");
        assertThat(data.labels()).contains("earn", "acq", "castor-oil", "sun-meal")
                .doesNotContain("inventories", "linseed", "wool", "cottonseed", "sfr");
        assertThat(data.train().stream().filter(d -> d.labels().contains("earn")).count()).isEqualTo(2_877);
        assertThat(data.test().stream().filter(d -> d.labels().contains("earn")).count()).isEqualTo(1_087);
    }

    private static Map<String, MultiLabelDocument> byId(List<MultiLabelDocument> documents) {
        return documents.stream().collect(Collectors.toMap(MultiLabelDocument::id, Function.identity()));
    }
}
