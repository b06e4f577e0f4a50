package dev.newswire.tagger.jmh;

import dev.newswire.tagger.text.ReferenceTokenizer;
import dev.newswire.tagger.text.Tokenizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tokenizer alone per article, on the keras46 test newswires, in microseconds per article: the current one
 * ({@link Tokenizer#tokenize}, a string per token for the caller; {@link Tokenizer#forEachToken}, as the vectorizer
 * uses it, no string at all) and the one before the fast path ({@link ReferenceTokenizer}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class TokenizerBenchmark {

    private List<String> articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        articles = Articles.keras46Test();
    }

    private String nextArticle() {
        int i = next;
        next = i + 1 == articles.size() ? 0 : i + 1;
        return articles.get(i);
    }

    @Benchmark
    public List<String> tokenize() {
        return Tokenizer.tokenize(nextArticle());
    }

    @Benchmark
    public void forEachToken(Blackhole out) {
        Tokenizer.forEachToken(nextArticle(), (chars, start, length) -> out.consume(length));
    }

    @Benchmark
    public List<String> legacyTokenize() {
        return ReferenceTokenizer.tokenize(nextArticle());
    }
}
