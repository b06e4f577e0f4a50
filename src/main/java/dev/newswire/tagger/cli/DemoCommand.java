package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersCorpus;
import dev.newswire.tagger.data.ReutersDocument;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.stream.SignaturePolicy;
import dev.newswire.tagger.stream.TaggerConfig;
import dev.newswire.tagger.stream.TaggerRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole pipeline on one machine. Starts an embedded single-node KRaft broker on 127.0.0.1,
 * creates the topics from {@code topics/}, starts the topology with the embedded (or given) model, feeds
 * articles, prints each tagged article as it comes back and a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally: embedded Kafka broker, topics, topology, articles in, tagged articles out.",
                "Articles: --input file.jsonl (one per line, sent as the bytes they are), else the keras46 test newswires",
                "when the Reuters corpus is found, else the 8 sample articles shipped in the jar.",
                "The summary accounts for every article: sent, failed to send, tagged, dead-lettered, missing.",
                "Exit codes: 0 every article sent and back, 1 some article failed to send or is missing, 2 usage error."})
final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The demo producer's {@code max.request.size}: 4 MiB. */
    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "300", description = "How many articles to send at most; 0 = all (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--input", description = "Articles to send, one JSON object per line.")
    Path input;

    @Option(names = "--corpus", description = "Reuters-21578 directory (default: $NEWSWIRE_REUTERS_DIR, else ../shared/data/reuters21578).")
    Path corpus;

    @Option(names = "--model", description = "Bundle to serve (default: the embedded model).")
    Path model;

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (messages < 0) {
            throw new ParameterException(spec.commandLine(), "--messages must be 0 (all) or more, got " + messages);
        }
        PrintWriter out = spec.commandLine().getOut();
        ModelBundle bundle = EmbeddedModel.loadOrDefault(Optional.ofNullable(model));
        if (bundle.multiLabel()) {
            // The demo scores each article's best topic against its keras46 label; a topic set would be misjudged.
            throw new ParameterException(spec.commandLine(), model + " is a multi-label model: the demo checks one "
                    + "topic per article against keras46; use classify or run to see its topics");
        }
        DemoFeed feed = feed();
        out.printf(Locale.ROOT, "model %s@%s (id %s)%n%s%n", bundle.name(), bundle.version(), bundle.id(), feed.sendingLine());
        out.flush();
        Path stateDir = Files.createTempDirectory("newswire-demo-state");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            out.printf(Locale.ROOT, "embedded Kafka broker at %s%n", broker.bootstrapServers());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicAdmin.ensureTopics(admin, TopicSpecs.loadDefault(), Duration.ofSeconds(30));
            }
            TaggerConfig config = TaggerConfig.fromMap(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(),
                    "application.id", "newswire-demo",
                    "state.dir", stateDir.toString(),
                    "streams.commit.interval.ms", "100"));
            try (TaggerRuntime runtime = new TaggerRuntime(config, bundle, SignaturePolicy.acceptAll(), 0)) {
                runtime.start();
                if (!runtime.awaitRunning(Duration.ofSeconds(60))) {
                    spec.commandLine().getErr().println("the topology did not reach RUNNING within 60 s: "
                            + runtime.service().state());
                    return 1;
                }
                return exchange(config, feed, out);
            }
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private int exchange(TaggerConfig config, DemoFeed feed, PrintWriter out) {
        DemoSummary summary = new DemoSummary(feed.articles().size());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(config.bootstrapServers()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(config.outputTopic(), config.dlqTopic()));
            consumer.poll(Duration.ofMillis(200));
            long start = System.nanoTime();
            for (DemoFeed.Article article : feed.articles()) {
                send(producer, config.inputTopic(), article, summary);
            }
            producer.flush();
            // Every send has completed now: wait only for the articles that were sent.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (summary.outstanding() > 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String line = record.topic().equals(config.dlqTopic())
                            ? summary.deadLetter(record)
                            : summary.tagged(record);
                    if (!quiet) {
                        out.println(line);
                    }
                }
                out.flush();
            }
            summary.finish(start);
        }
        summary.print(out);
        return summary.complete() ? 0 : 1;
    }

    /** Sends one article; the summary learns from the callback whether it was written. */
    static void send(Producer<byte[], byte[]> producer, String topic, DemoFeed.Article article, DemoSummary summary) {
        if (article.tooLong()) {
            summary.failedToSend(article, "line is " + article.length() + " bytes, more than the demo producer's "
                    + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + "=" + MAX_REQUEST_BYTES);
            return;
        }
        try {
            producer.send(new ProducerRecord<>(topic, article.key(), article.value()), (metadata, exception) -> {
                if (exception == null) {
                    summary.sent(article);
                } else {
                    summary.failedToSend(article, reason(exception));
                }
            });
        } catch (KafkaException e) {
            summary.failedToSend(article, reason(e));
        }
    }

    private static String reason(Exception e) {
        return e.getClass().getSimpleName() + ": " + Main.describe(e);
    }

    /**
     * The demo producer's settings. Its {@code max.request.size} is well above {@code max.article.bytes}, so that an
     * article too large for the tagger reaches it and is dead-lettered as {@code too-large}, instead of being
     * refused by the producer.
     */
    static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_REQUEST_BYTES));
    }

    private DemoFeed feed() throws IOException {
        if (input != null) {
            try (InputStream in = Files.newInputStream(input)) {
                return DemoFeed.read(in, input.toString(), messages, MAX_REQUEST_BYTES);
            }
        }
        Optional<Path> dir = corpus != null ? Optional.of(corpus) : ReutersCorpus.locate();
        if (dir.isPresent()) {
            List<ReutersDocument> docs = ReutersCorpus.read(dir.get());
            Dataset keras46 = Splits.keras46(docs, TextSource.OWN);
            Map<String, ReutersDocument> byId = new HashMap<>();
            docs.forEach(d -> byId.put(String.valueOf(d.newId()), d));
            List<String> lines = new ArrayList<>();
            for (LabeledDocument doc : keras46.test()) {
                ReutersDocument d = byId.get(doc.id());
                ObjectNode article = JSON.createObjectNode().put("id", doc.id()).put("headline", d.title())
                        .put("body", d.articleBody()).put("expected_topic", doc.label());
                lines.add(JSON.writeValueAsString(article));
            }
            return DemoFeed.of(lines, "the keras46 test split of Reuters-21578 at " + dir.get(), messages);
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/articles.jsonl")) {
            return DemoFeed.read(in, "the sample articles in the jar (Reuters corpus not found)", messages, MAX_REQUEST_BYTES);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(TaggerConfig config) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "newswire-demo-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
