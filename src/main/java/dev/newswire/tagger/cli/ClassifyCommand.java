package dev.newswire.tagger.cli;

import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.TopicClassifier;
import dev.newswire.tagger.stream.Article;
import dev.newswire.tagger.stream.ArticleDeserializer;
import dev.newswire.tagger.stream.InvalidArticleException;
import dev.newswire.tagger.stream.TaggedArticles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code classify}: tags texts or JSON-lines articles without Kafka, one tagged JSON line each. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Tag texts or JSON-lines articles without Kafka, one tagged JSON line each.",
                "Each TEXT argument is tagged as the body of an article; with no argument, reads articles as JSON lines",
                "on stdin ({\"id\", \"headline\", \"body\", ...}), as bytes: blank lines are skipped, a line that is not",
                "valid UTF-8 or longer than --max-bytes is bad. A bad line is reported on stderr with its line number",
                "and reason and skipped.",
                "Exit codes: 0 all lines tagged, 1 some line was bad, 2 usage error."},
        exitCodeOnExecutionException = 1)
final class ClassifyCommand implements Callable<Integer> {

    static final int MAX_TOP = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Bundle to use (default: the embedded model).")
    Path model;

    @Option(names = "--top", defaultValue = "3", description = "Topics listed per article, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-bytes", defaultValue = "1048576",
            description = "Longest stdin line in bytes, at least 1; a longer line is bad (too-large) (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(names = "--engine", defaultValue = "fast", paramLabel = "fast|dl4j",
            description = "Inference engine: fast (plain Java, the default) or dl4j (the DL4J reference).")
    String engine;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Texts to classify.")
    List<String> texts = List.of();

    @Override
    public Integer call() throws Exception {
        if (topK < 1 || topK > MAX_TOP) {
            throw new ParameterException(spec.commandLine(), "--top must be 1 to " + MAX_TOP + ", got " + topK);
        }
        if (maxBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--max-bytes must be at least 1, got " + maxBytes);
        }
        InferenceEngine inferenceEngine;
        try {
            inferenceEngine = InferenceEngine.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--engine must be fast or dl4j, got '" + engine + "'");
        }
        ModelBundle bundle = EmbeddedModel.loadOrDefault(Optional.ofNullable(model));
        TopicClassifier classifier = bundle.newTopicClassifier(topK, inferenceEngine);
        ArticleDeserializer parser = new ArticleDeserializer(maxBytes);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        if (!texts.isEmpty()) {
            for (int i = 0; i < texts.size(); i++) {
                Article article = Article.of(String.valueOf(i + 1), "", texts.get(i));
                out.println(tagged(article, classifier, bundle, clock));
            }
            out.flush();
            return 0;
        }
        int bad = 0;
        ByteLines in = new ByteLines(System.in, maxBytes);
        for (ByteLines.Line line = in.next(); line != null; line = in.next()) {
            if (line.blank()) {
                continue;
            }
            if (line.tooLong()) {
                bad++;
                err.printf(Locale.ROOT, "line %d: %s: line is %d bytes, more than --max-bytes=%d%n", line.number(),
                        InvalidArticleException.Reason.TOO_LARGE.code(), line.length(), maxBytes);
                continue;
            }
            try {
                Article article = parser.parse(line.bytes());
                out.println(tagged(article, classifier, bundle, clock));
            } catch (InvalidArticleException e) {
                bad++;
                err.printf(Locale.ROOT, "line %d: %s: %s%n", line.number(), e.reason().code(), e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? 0 : 1;
    }

    /** The article's output line, as the stream writes it. */
    private static String tagged(Article article, TopicClassifier classifier, ModelBundle bundle, Clock clock) {
        byte[] json = TaggedArticles.toJson(article, classifier.classify(article.text()), bundle, clock.instant());
        return new String(json, StandardCharsets.UTF_8);
    }
}
