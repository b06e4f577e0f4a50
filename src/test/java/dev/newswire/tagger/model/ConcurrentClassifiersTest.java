package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.text.SparseVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two stream threads ({@code num.stream.threads=2}) each classify with their own classifiers of one bundle, and
 * share its vectorizer and (fast engine) weights: nothing they share is mutable, so two of them running at once on
 * the same articles give exactly what one gives alone, vector for vector and bit for bit. (The end-to-end
 * comparison of one and two stream threads on a broker belongs to the bench command.)
 */
class ConcurrentClassifiersTest {

    private static List<String> texts;
    private static ModelBundle bundle;

    @BeforeAll
    static void load() throws Exception {
        List<LabeledDocument> test = Splits.keras46(ReutersFixture.corpusOrSkip(), TextSource.OWN).test();
        texts = test.stream().map(LabeledDocument::text).toList();
        bundle = EmbeddedModel.load();
    }

    @Test
    void shouldClassifyInTwoThreadsAtOnceExactlyAsInOneWithTheFastEngine() throws Exception {
        assertTwoThreadsMatchOne(InferenceEngine.FAST, texts.subList(0, 2_000), 20);
    }

    @Test
    void shouldClassifyInTwoThreadsAtOnceExactlyAsInOneWithDl4j() throws Exception {
        // DL4J takes about a millisecond an article when two threads share two cores: fewer of them.
        assertTwoThreadsMatchOne(InferenceEngine.DL4J, texts.subList(0, 300), 1);
    }

    /** What one thread got for each article. */
    private record Result(SparseVector vector, float[] scores, Prediction prediction) {
        boolean same(Result other) {
            return vector.equals(other.vector) && Arrays.equals(scores, other.scores) && prediction.equals(other.prediction);
        }
    }

    /** Each of two threads classifies every article {@code passes} times, both starting together. */
    private static void assertTwoThreadsMatchOne(InferenceEngine engine, List<String> articles, int passes) throws Exception {
        List<Result> alone = classify(articles, bundle.newClassifier(engine));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Classifier classifier = bundle.newClassifier(engine);
                checked.add(threads.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    int same = 0;
                    for (int pass = 0; pass < passes; pass++) {
                        List<Result> results = classify(articles, classifier);
                        for (int i = 0; i < results.size(); i++) {
                            same += results.get(i).same(alone.get(i)) ? 1 : 0;
                        }
                    }
                    return same;
                }));
            }
            for (Future<Integer> same : checked) {
                assertThat(same.get(5, TimeUnit.MINUTES)).as("%s: articles classified as alone", engine)
                        .isEqualTo(passes * articles.size());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Result> classify(List<String> articles, Classifier classifier) {
        TopicClassifier topics = new TopicClassifier(bundle.vectorizer(), classifier, bundle.labels(), 3);
        List<Result> results = new ArrayList<>(articles.size());
        for (String text : articles) {
            SparseVector vector = bundle.vectorizer().vectorize(text);
            float[] scores = classifier.scores(vector);
            results.add(new Result(vector, scores, topics.classify(vector)));
        }
        return results;
    }
}
