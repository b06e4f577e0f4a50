package dev.newswire.tagger.jmh;

import dev.newswire.tagger.model.Dl4jClassifier;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicClassifier;
import dev.newswire.tagger.text.ReferenceTokenizer;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.text.Vectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Text → prediction per article with the embedded model (10,000 → 64 → 64 → 46) on the keras46 test newswires,
 * cycling through them: vectorize, score, decode the top 3. Every result is in microseconds per article.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ClassifyBenchmark {

    private static final int BATCH = 256;

    private List<String> articles;
    private ModelBundle bundle;
    private TopicClassifier fast;
    private TopicClassifier dl4jOne;
    private Dl4jClassifier dl4jBatch;
    private SparseVector[] vectors;
    private java.util.Map<String, Integer> legacyIndex;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        articles = Articles.keras46Test();
        bundle = EmbeddedModel.load();
        fast = bundle.newTopicClassifier(3, InferenceEngine.FAST);
        dl4jOne = bundle.newTopicClassifier(3, InferenceEngine.DL4J);
        dl4jBatch = bundle.newClassifier();
        Vectorizer vectorizer = bundle.vectorizer();
        vectors = articles.stream().map(vectorizer::vectorize).toArray(SparseVector[]::new);
        legacyIndex = new java.util.HashMap<>();
        for (int i = 0; i < vectorizer.vocabulary().size(); i++) {
            legacyIndex.put(vectorizer.vocabulary().word(i), i);
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == articles.size() ? 0 : i + 1;
        return i;
    }

    /** The fast engine, as the topology runs it by default. */
    @Benchmark
    public Prediction fastEngine() {
        return fast.classify(articles.get(nextIndex()));
    }

    /** DL4J's {@code output} on one row per article, as {@code inference.engine=dl4j} runs it. */
    @Benchmark
    public Prediction dl4jBatch1() {
        return dl4jOne.classify(articles.get(nextIndex()));
    }

    /** DL4J's {@code output} on 256 rows at once (per article: the time divided by 256). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void dl4jBatch256(Blackhole out) {
        List<SparseVector> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(bundle.vectorizer().vectorize(articles.get(nextIndex())));
        }
        float[][] scores = dl4jBatch.scoreBatch(batch);
        for (int i = 0; i < BATCH; i++) {
            out.consume(batch.get(i).isEmpty() ? Prediction.abstain() : Prediction.decode(scores[i], bundle.labels(), 3));
        }
    }

    /** The parts of {@link #fastEngine()}: text → vector alone. */
    @Benchmark
    public SparseVector vectorizeOnly() {
        return bundle.vectorizer().vectorize(articles.get(nextIndex()));
    }

    /** Text → vector as before the fast path: a string per token, a HashMap lookup, sorted indices (binary weights). */
    @Benchmark
    public SparseVector legacyVectorize() {
        List<String> tokens = ReferenceTokenizer.tokenize(articles.get(nextIndex()));
        int[] ids = new int[tokens.size()];
        int n = 0;
        for (String token : tokens) {
            Integer id = legacyIndex.get(token);
            if (id != null) {
                ids[n++] = id;
            }
        }
        java.util.Arrays.sort(ids, 0, n);
        int[] indices = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                indices[distinct++] = ids[i];
            }
        }
        float[] values = new float[distinct];
        java.util.Arrays.fill(values, 1f);
        return new SparseVector(vectors[0].dimension(), java.util.Arrays.copyOf(indices, distinct), values);
    }

    /** The parts of {@link #fastEngine()}: vector → prediction alone (vectors computed at setup). */
    @Benchmark
    public Prediction fastScoreOnly() {
        return fast.classify(vectors[nextIndex()]);
    }
}
