package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.TopicClassifier;
import dev.newswire.tagger.stream.Article;
import dev.newswire.tagger.stream.ArticleDeserializer;
import dev.newswire.tagger.stream.InvalidArticleException;
import dev.newswire.tagger.stream.TaggedArticles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code classify}: tags texts or JSON-lines articles without Kafka, one tagged JSON line each. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify without Kafka. Each TEXT argument is tagged as the body of an article;",
                "with no argument, reads articles as JSON lines on stdin ({\"id\", \"headline\", \"body\", ...}).",
                "A bad input line is reported on stderr with its line number and skipped.",
                "Exit codes: 0 all lines tagged, 1 some line was bad, 2 usage error."},
        exitCodeOnExecutionException = 1)
final class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Bundle to use (default: the embedded model).")
    Path model;

    @Option(names = "--top", defaultValue = "3", description = "Topics listed per article (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--max-bytes", defaultValue = "1048576", description = "Largest input line in bytes (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Texts to classify.")
    List<String> texts = List.of();

    @Override
    public Integer call() throws Exception {
        ModelBundle bundle = EmbeddedModel.loadOrDefault(Optional.ofNullable(model));
        TopicClassifier classifier = bundle.newTopicClassifier(topK);
        ArticleDeserializer parser = new ArticleDeserializer(maxBytes);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        if (!texts.isEmpty()) {
            for (int i = 0; i < texts.size(); i++) {
                ObjectNode json = JSON.createObjectNode().put("id", String.valueOf(i + 1)).put("body", texts.get(i));
                Article article = new Article(String.valueOf(i + 1), "", texts.get(i), json);
                out.println(JSON.writeValueAsString(TaggedArticles.tag(article, classifier.classify(article.text()), bundle, clock.instant())));
            }
            out.flush();
            return 0;
        }
        int bad = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Article article = parser.parse(line.getBytes(StandardCharsets.UTF_8));
                out.println(JSON.writeValueAsString(TaggedArticles.tag(article, classifier.classify(article.text()), bundle, clock.instant())));
            } catch (InvalidArticleException e) {
                bad++;
                err.printf("line %d: %s: %s%n", lineNumber, e.reason().code(), e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? 0 : 1;
    }
}
