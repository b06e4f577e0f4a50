package dev.newswire.tagger.jmh;

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

/** {@link Tokenizer#tokenize} alone per article, on the keras46 test newswires, in microseconds per article. */
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

    @Benchmark
    public List<String> tokenize() {
        int i = next;
        next = i + 1 == articles.size() ? 0 : i + 1;
        return Tokenizer.tokenize(articles.get(i));
    }
}
