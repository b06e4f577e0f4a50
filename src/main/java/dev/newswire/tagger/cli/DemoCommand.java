package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole pipeline on one machine. Starts an embedded single-node KRaft broker on 127.0.0.1,
 * creates the topics from {@code topics/}, starts the topology with the embedded (or given) model, feeds
 * articles, prints each tagged article as it comes back and a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally: embedded Kafka broker, topics, topology, articles in, tagged articles out.",
                "Articles: --input file.jsonl, else the keras46 test newswires when the Reuters corpus is found, else samples shipped in the jar."})
final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

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

    /** One input value and, where known, its true topic. */
    record Feed(String source, List<byte[]> values, List<byte[]> keys) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ModelBundle bundle = EmbeddedModel.loadOrDefault(Optional.ofNullable(model));
        Feed feed = feed();
        out.printf(Locale.ROOT, "model %s@%s (id %s); sending %d articles from %s%n", bundle.name(), bundle.version(),
                bundle.id(), feed.values().size(), feed.source());
        out.flush();
        Path stateDir = Files.createTempDirectory("newswire-demo-state");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            out.printf("embedded Kafka broker at %s%n", broker.bootstrapServers());
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

    private int exchange(TaggerConfig config, Feed feed, PrintWriter out) {
        DemoSummary summary = new DemoSummary();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config);
             KafkaProducer<byte[], byte[]> producer = producer(config)) {
            consumer.subscribe(List.of(config.outputTopic(), config.dlqTopic()));
            consumer.poll(Duration.ofMillis(200));
            long start = System.nanoTime();
            for (int i = 0; i < feed.values().size(); i++) {
                producer.send(new ProducerRecord<>(config.inputTopic(), feed.keys().get(i), feed.values().get(i)));
            }
            producer.flush();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (summary.received() < feed.values().size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String line = record.topic().equals(config.dlqTopic())
                            ? summary.deadLetter(record)
                            : summary.tagged(record.value());
                    if (!quiet) {
                        out.println(line);
                    }
                }
                out.flush();
            }
            summary.finish(start);
        }
        summary.print(out, feed.values().size());
        return summary.received() == feed.values().size() ? 0 : 1;
    }

    private Feed feed() throws IOException {
        if (input != null) {
            return limit(feedOfLines(Files.readAllLines(input, StandardCharsets.UTF_8), input.toString()));
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
                        .put("body", d.body()).put("expected_topic", doc.label());
                lines.add(JSON.writeValueAsString(article));
            }
            return limit(feedOfLines(lines, "the keras46 test split of Reuters-21578 at " + dir.get()));
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/articles.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return limit(feedOfLines(text.lines().toList(), "the sample articles in the jar (Reuters corpus not found)"));
        }
    }

    private Feed limit(Feed feed) {
        int n = messages <= 0 ? feed.values().size() : Math.min(messages, feed.values().size());
        return new Feed(feed.source(), feed.values().subList(0, n), feed.keys().subList(0, n));
    }

    /** Each non-blank line is a value; its key is its "id" when it has one (bad lines go in unchanged). */
    private static Feed feedOfLines(List<String> lines, String source) {
        List<byte[]> values = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            values.add(line.getBytes(StandardCharsets.UTF_8));
            keys.add(idOf(line));
        }
        return new Feed(source, values, keys);
    }

    private static byte[] idOf(String line) {
        try {
            JsonNode id = JSON.readTree(line).path("id");
            return id.isTextual() ? id.asText().getBytes(StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
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

    private static KafkaProducer<byte[], byte[]> producer(TaggerConfig config) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "5"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
