package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    // --- keras46 on the corpus ---

    @Test
    void shouldBuildKeras46WithKerasCountsAndLabelOrder() {
        Dataset keras = Splits.keras46(ReutersFixture.corpusOrSkip(), TextSource.OWN);

        assertThat(keras.name()).isEqualTo("keras46");
        assertThat(keras.labels()).hasSize(46).startsWith("cocoa", "grain", "veg-oil", "earn", "acq");
        assertThat(keras.train()).hasSize(8_982);
        assertThat(keras.test()).hasSize(2_246);
    }

    @Test
    void shouldShuffleKeras46LikeNumpyRandomState113() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        Dataset keras = Splits.keras46(corpus, TextSource.OWN);
        List<ReutersDocument> kept = keras46DocumentsInCorpusOrder(corpus, keras);

        assertThat(kept).hasSize(11_228);
        assertThat(keras.train().subList(0, 5)).extracting(LabeledDocument::id).containsExactly(
                Stream.of(1341, 4427, 5095, 2044, 3024).map(i -> kept.get(i).id()).toArray(String[]::new));
    }

    @Test
    void shouldGiveKeras46TheLabelIndicesOfKerasYTrainAndYTest() {
        Dataset keras = Splits.keras46(ReutersFixture.corpusOrSkip(), TextSource.OWN);
        List<LabeledDocument> train = keras.train();

        assertThat(labelIndices(keras, train.subList(0, 3))).containsExactly(3, 4, 3);
        assertThat(labelIndices(keras, train.subList(train.size() - 3, train.size()))).containsExactly(25, 3, 25);
        assertThat(labelIndices(keras, keras.test().subList(0, 3))).containsExactly(3, 10, 1);
    }

    @Test
    void shouldPutEarningsStoryAtZeroBasedTrainIndexTwo() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        Map<String, ReutersDocument> byId = byId(corpus);

        // x_train[2] of keras.datasets.reuters decodes to "? shr 3 28 dlrs vs 22 cts ...": index 2 is the third.
        String id = Splits.keras46(corpus, TextSource.OWN).train().get(2).id();
        assertThat(byId.get(id).body()).startsWith("Shr 3.28 dlrs vs 22 cts");
        assertThat(Splits.keras46(corpus, TextSource.KERAS).train().get(2).text()).startsWith("Shr 3.28 dlrs vs 22 cts");
    }

    @Test
    void shouldUseOwnTextOrKerasTextAsAsked() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        Map<String, ReutersDocument> byId = byId(corpus);

        assertThat(Splits.keras46(corpus, TextSource.OWN).train())
                .allMatch(doc -> doc.text().equals(byId.get(doc.id()).text()));
        assertThat(Splits.keras46(corpus, TextSource.KERAS).train())
                .allMatch(doc -> doc.text().equals(byId.get(doc.id()).kerasText()));
    }

    @Test
    void shouldGiveBodylessKerasDocumentsTheNextBodyInTheirFile() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        Set<String> kerasIds = ids(Splits.keras46(corpus, TextSource.OWN));
        List<ReutersDocument> bodyless = corpus.stream()
                .filter(doc -> kerasIds.contains(doc.id()) && !doc.hasBody()).toList();

        assertThat(bodyless).hasSize(975);
        List<Integer> withoutLaterBodyInFile = new ArrayList<>();
        for (ReutersDocument doc : bodyless) {
            ReutersDocument next = nextWithBodyInSameFile(corpus, doc);
            if (next == null) {
                withoutLaterBodyInFile.add(doc.newId());
                assertThat(doc.kerasText()).as("Python's find(-1) quirk").isEqualTo("rn");
            } else {
                assertThat(doc.kerasText()).as("NEWID %d", doc.newId()).isEqualTo(next.kerasText());
            }
        }
        assertThat(withoutLaterBodyInFile).containsExactly(7000);
    }

    @Test
    void shouldKeepKerasTextRawButEqualToCleanedBodyForStoriesWithBody() {
        for (ReutersDocument doc : ReutersFixture.corpusOrSkip()) {
            if (doc.hasBody()) {
                assertThat(SgmlText.cleanBody(doc.kerasText())).as("NEWID %d", doc.newId()).isEqualTo(doc.body());
            }
        }
    }

    @Test
    void shouldPinKeras46Fingerprints() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();

        // A change here means models trained before it saw other data: change it deliberately.
        assertThat(Splits.keras46(corpus, TextSource.OWN).fingerprint())
                .isEqualTo("23a79ad8d6412c4ed86b0b694fc2ed2c405092127ce09fa7696dcca13b3931f4");
        assertThat(Splits.keras46(corpus, TextSource.KERAS).fingerprint())
                .isEqualTo("e4f710e7950a218891680495d60265f4d1964f4f0c7cd5db35e83ef40b20effa");
    }

    // --- r8 / r52 on the corpus ---

    @Test
    void shouldBuildR52WithPublishedCounts() {
        Dataset r52 = Splits.r52(ReutersFixture.corpusOrSkip());

        assertThat(r52.labels()).hasSize(52).isSorted().contains("earn", "acq", "copper", "lead", "platinum");
        assertThat(r52.train()).hasSize(6_532);
        assertThat(r52.test()).hasSize(2_568);
        assertThat(r52.labels()).allMatch(label -> r52.train().stream().anyMatch(doc -> doc.label().equals(label))
                && r52.test().stream().anyMatch(doc -> doc.label().equals(label)));
        assertThat(r52.fingerprint()).isEqualTo("aabf8b940176a2370877371f5793e3aa5203ec3fc09b6d9b02a3ab888d75547f");
    }

    @Test
    void shouldBuildR8WithPublishedCountsAndTopics() {
        Dataset r8 = Splits.r8(ReutersFixture.corpusOrSkip());

        assertThat(r8.labels()).containsExactly("acq", "crude", "earn", "grain", "interest", "money-fx", "ship", "trade");
        assertThat(r8.train()).hasSize(5_485);
        assertThat(r8.test()).hasSize(2_189);
        assertThat(r8.fingerprint()).isEqualTo("f0109298efaf43079a3bab109d9b0eeb17a09b6ae5a1b8437da74999d90907c0");
    }

    @Test
    void shouldRankWheatAndCornAmongTenMostFrequentTrainingTopics() {
        assertThat(Splits.mostFrequentTrainingTopics(ReutersFixture.corpusOrSkip(), 10)).containsExactly(
                "earn", "acq", "money-fx", "grain", "crude", "trade", "interest", "wheat", "ship", "corn");
    }

    @Test
    void shouldLeaveOutTestStoryThatListsTradeTwice() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        List<ReutersDocument> twice = corpus.stream().filter(doc -> doc.topics().equals(List.of("trade", "trade"))).toList();

        assertThat(twice).hasSize(1);
        assertThat(ids(Splits.r52(corpus))).doesNotContain(twice.get(0).id());
    }

    @Test
    void shouldKeepR8AndR52DocumentsInCorpusOrderWithOwnText() {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        Dataset r8 = Splits.r8(corpus);
        Map<String, ReutersDocument> byId = byId(corpus);

        assertThat(r8.train()).extracting(doc -> Integer.parseInt(doc.id())).isSorted();
        assertThat(r8.test()).allMatch(doc -> doc.text().equals(byId.get(doc.id()).text())
                && "TEST".equals(byId.get(doc.id()).lewisSplit()));
    }

    // --- byName and invented corpora ---

    @Test
    void shouldFindDatasetsByName() {
        List<ReutersDocument> corpus = inventedCorpus();

        assertThat(Splits.byName("keras46", corpus, TextSource.OWN)).isEqualTo(Splits.keras46(corpus, TextSource.OWN));
        assertThat(Splits.byName(" R8 ", corpus, TextSource.OWN)).isEqualTo(Splits.r8(corpus));
        assertThat(Splits.byName("r52", corpus, TextSource.KERAS)).isEqualTo(Splits.r52(corpus, TextSource.KERAS));
    }

    @Test
    void shouldNameValidDatasetsWhenNameIsUnknown() {
        assertThatThrownBy(() -> Splits.byName("r10", inventedCorpus(), TextSource.OWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'r10'").hasMessageContaining("keras46, r8, r52");
    }

    @Test
    void shouldDropKerasTopicsWithFewerThanFifteenFirstTopicDocuments() {
        List<ReutersDocument> corpus = new ArrayList<>();
        int id = 1;
        for (int i = 0; i < 15; i++) {
            corpus.add(doc(id++, "TRAIN", "YES", List.of("beta", "alpha")));
            corpus.add(doc(id++, "TEST", "NO", List.of("alpha")));
        }
        for (int i = 0; i < 14; i++) {
            corpus.add(doc(id++, "TRAIN", "YES", List.of("gamma")));
        }
        corpus.add(doc(id, "TRAIN", "YES", List.of()));

        Dataset keras = Splits.keras46(corpus, TextSource.OWN);

        assertThat(keras.labels()).containsExactly("beta", "alpha");
        assertThat(keras.train()).hasSize(24);
        assertThat(keras.test()).hasSize(6);
    }

    @Test
    void shouldTakeOnlySingleLabelModApteDocumentsForR52() {
        List<ReutersDocument> corpus = List.of(
                doc(1, "TRAIN", "YES", List.of("earn")),
                doc(2, "TEST", "YES", List.of("earn")),
                doc(3, "TRAIN", "YES", List.of("acq")),
                doc(4, "NOT-USED", "YES", List.of("acq")),
                doc(5, "TEST", "NO", List.of("acq")),
                doc(6, "TEST", "BYPASS", List.of("acq")),
                doc(7, "TEST", "YES", List.of("acq", "earn")),
                doc(8, "TEST", "YES", List.of("earn", "earn")));

        Dataset r52 = Splits.r52(corpus);

        assertThat(r52.labels()).containsExactly("earn");
        assertThat(ids(r52)).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void shouldRejectCorpusWithoutQualifyingDocuments() {
        assertThatThrownBy(() -> Splits.r8(List.of(doc(1, "NOT-USED", "NO", List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r8");
    }

    // --- helpers ---

    private static List<ReutersDocument> inventedCorpus() {
        List<ReutersDocument> corpus = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            corpus.add(doc(i, i % 4 == 0 ? "TEST" : "TRAIN", "YES", List.of(i % 2 == 0 ? "earn" : "acq")));
        }
        return corpus;
    }

    private static ReutersDocument doc(int newId, String lewisSplit, String topicsAttribute, List<String> topics) {
        return new ReutersDocument(newId, lewisSplit, "TRAINING-SET", topicsAttribute, topics,
                "TITLE " + newId, "", "body " + newId, "", "raw body " + newId);
    }

    private static List<ReutersDocument> keras46DocumentsInCorpusOrder(List<ReutersDocument> corpus, Dataset keras) {
        Set<String> ids = ids(keras);
        return corpus.stream().filter(doc -> ids.contains(doc.id())).toList();
    }

    private static Set<String> ids(Dataset dataset) {
        return Stream.concat(dataset.train().stream(), dataset.test().stream())
                .map(LabeledDocument::id).collect(Collectors.toSet());
    }

    private static Map<String, ReutersDocument> byId(List<ReutersDocument> corpus) {
        return new HashMap<>(corpus.stream().collect(Collectors.toMap(ReutersDocument::id, Function.identity())));
    }

    private static List<Integer> labelIndices(Dataset dataset, List<LabeledDocument> documents) {
        return documents.stream().map(doc -> dataset.labelIndex(doc.label())).toList();
    }

    /** The next story with a body in the same file; reut2-NNN.sgm holds NEWIDs NNN*1000+1 … NNN*1000+1000. */
    private static ReutersDocument nextWithBodyInSameFile(List<ReutersDocument> corpus, ReutersDocument doc) {
        int file = (doc.newId() - 1) / 1000;
        for (int i = doc.newId(); i < corpus.size() && (corpus.get(i).newId() - 1) / 1000 == file; i++) {
            if (corpus.get(i).hasBody()) {
                return corpus.get(i);
            }
        }
        return null;
    }
}
