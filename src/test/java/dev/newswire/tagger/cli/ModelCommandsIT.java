package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicSpec;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.Signatures;
import dev.newswire.tagger.stream.ModelTopic;
import dev.newswire.tagger.stream.ModelTopicClient;
import dev.newswire.tagger.stream.ModelTopicState;
import dev.newswire.tagger.stream.StoredBundle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The model commands ({@code keys}, {@code publish}, {@code release}, {@code models}) against a real broker. */
class ModelCommandsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @TempDir
    Path dir;

    /** Output, error output and exit code of one command line. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        admin = TopicAdmin.createAdmin(broker.bootstrapServers(), TIMEOUT);
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldPublishASignedBundleOnceAndRefuseOtherBytesUnderTheSameVersion() throws Exception {
        String topic = freshModelTopic();
        Run keys = run("keys", "generate", "--out", dir.resolve("keys/release").toString());
        assertThat(keys.exitCode()).as(keys.err()).isZero();
        String keyId = keys.out().substring(keys.out().indexOf("key id ") + 7).strip();
        Path signKey = dir.resolve("keys/release.key");
        Path v1 = bundle("news", "1", 0.90);

        Run first = publish(topic, v1, "--activate", "--sign-key", signKey.toString(), "--reason", "first model");
        Run again = publish(topic, v1, "--activate", "--sign-key", signKey.toString());
        Run changed = publish(topic, bundle("news", "1", 0.91), "--activate");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("published bundle news@1").contains("signed by " + keyId)
                .contains("published release news: active none -> 1");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already on the topic with the same bytes").contains("already active")
                .contains("nothing published");
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err()).contains("news@1 is already on the topic with different bytes").doesNotContain("\tat ");

        ModelTopicState state = read(topic);
        Map<String, PublicKey> trusted = Signatures.trusted(List.of(dir.resolve("keys/release.pub")));
        StoredBundle stored = state.bundle("news", "1").orElseThrow();
        assertThat(stored.hasBytes(Files.readAllBytes(v1))).isTrue();
        assertThat(Signatures.verifyBundle(trusted, stored.key(), stored.bytes(), stored.signature()).ok()).isTrue();
        ModelRelease release = state.release("news").orElseThrow();
        assertThat(release.active()).isEqualTo("1");
        assertThat(release.reason()).isEqualTo("first model");
        assertThat(Signatures.verifyRelease(trusted, "news", release).ok()).isTrue();
        assertThat(state.versionsOf("news")).containsExactly("1");
    }

    @Test
    void shouldRefuseALowerAccuracyUnlessForcedAndRollBack() throws Exception {
        String topic = freshModelTopic();
        assertThat(publish(topic, bundle("news", "1", 0.90), "--activate").exitCode()).isZero();
        Path v2 = bundle("news", "2", 0.80);

        Run refused = publish(topic, v2, "--activate");
        Run forced = publish(topic, v2, "--activate", "--force", "--reason", "needed the new labels");
        Run shown = run("release", "show", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic);
        Run rollback = release(topic, "rollback");
        Run again = release(topic, "rollback");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("refusing to activate news@2").contains("0.8000").contains("0.9000")
                .contains("--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("activating anyway (--force)").contains("active 1 -> 2");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        JsonNode json = JSON.readTree(shown.out());
        assertThat(json.get("active").asText()).isEqualTo("2");
        assertThat(json.get("previous").asText()).isEqualTo("1");
        assertThat(json.get("reason").asText()).isEqualTo("needed the new labels");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("news: active 2 -> 1").contains("unsigned");
        assertThat(again.exitCode()).as("rolling back twice goes forward again").isZero();
        ModelRelease release = read(topic).release("news").orElseThrow();
        assertThat(release.active()).isEqualTo("2");
        assertThat(release.previous()).isEqualTo("1");
    }

    @Test
    void shouldShadowCanaryPromoteAndListTheModels() throws Exception {
        String topic = freshModelTopic();
        assertThat(publish(topic, bundle("news", "1", 0.90), "--activate").exitCode()).isZero();
        Run withoutBundle = release(topic, "shadow", "2");
        assertThat(publish(topic, bundle("news", "2", 0.91)).exitCode()).isZero();
        assertThat(publish(topic, bundle("news", "3", 0.92), "--canary", "20").exitCode()).isZero();

        Run shadow = release(topic, "shadow", "2");
        Run list = run("models", "list", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic);
        Run canary = release(topic, "canary", "3", "30", "--reason", "widen");
        Run promote = release(topic, "promote");
        Run noCanary = release(topic, "promote");
        Run clear = release(topic, "shadow", "--clear");

        assertThat(withoutBundle.exitCode()).isEqualTo(1);
        assertThat(withoutBundle.err()).contains("no bundle news@2 on the topic (versions of news: 1)");
        assertThat(shadow.exitCode()).as(shadow.err()).isZero();
        assertThat(list.exitCode()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("NAME").contains("ACCURACY").contains("SIGNED");
        assertThat(lines.get(1)).startsWith("news").contains("0.9000").contains("fixture").contains(" no ").endsWith("active");
        assertThat(lines.get(2)).contains("0.9100").endsWith("shadow");
        assertThat(lines.get(3)).contains("0.9200").endsWith("canary 20%");
        assertThat(canary.out()).contains("news: canary 3 at 20% -> 3 at 30%");
        assertThat(promote.exitCode()).as(promote.err()).isZero();
        assertThat(promote.out()).contains("news: active 1 -> 3");
        assertThat(noCanary.exitCode()).isEqualTo(1);
        assertThat(noCanary.err()).contains("news has no canary to promote");
        assertThat(clear.exitCode()).as(clear.err()).isZero();
        ModelRelease release = read(topic).release("news").orElseThrow();
        assertThat(release).extracting(ModelRelease::active, ModelRelease::shadow, ModelRelease::canary,
                ModelRelease::previous).containsExactly("3", null, null, "1");
    }

    @Test
    void shouldRefuseShadowWithoutReleaseAndAskForTheNameWhenThereAreSeveralModels() throws Exception {
        String topic = freshModelTopic();

        Run shadow = publish(topic, bundle("news", "1", 0.9), "--shadow");
        assertThat(publish(topic, bundle("news", "1", 0.9)).exitCode()).isZero();
        assertThat(publish(topic, bundle("sport", "1", 0.9), "--activate").exitCode()).isZero();
        Run ambiguous = release(topic, "activate", "1");
        Run named = release(topic, "activate", "1", "--name", "news");
        Run missing = run("release", "show", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                "--name", "weather");

        assertThat(shadow.exitCode()).isEqualTo(1);
        assertThat(shadow.err()).contains("no release for news yet: nothing is active");
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("several models (news, sport): say which with --name");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(missing.out()).contains("no release for weather");
        assertThat(read(topic).releases().keySet()).containsExactlyInAnyOrder("news", "sport");
    }

    @Test
    void shouldRefuseAnInvalidBundleBeforeAskingKafka() throws Exception {
        Path broken = dir.resolve("broken.zip");
        byte[] bytes = FixtureModels.bundleBytes("news", "1", 0.9);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(broken, bytes);

        Run r = run("publish", "--model", broken.toString(), "--bootstrap-servers", "127.0.0.1:" + closedPort(),
                "--activate");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("publish: " + broken).doesNotContain("\tat ");
    }

    @Test
    void shouldFailWithAClearMessageWhenTheBrokerIsUnreachable() throws Exception {
        Run r = run("publish", "--model", bundle("news", "1", 0.9).toString(), "--bootstrap-servers",
                "127.0.0.1:" + closedPort(), "--timeout", "2s");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("publish: No answer from Kafka").contains("is the broker reachable?")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldFailWithAClearMessageWhenTheTopicDoesNotExist() {
        Run r = run("models", "list", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "no-such-topic",
                "--timeout", "5s");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no-such-topic").doesNotContain("\tat ");
    }

    @Test
    void shouldCarryABundleLargerThanFiveMegabytesThroughTheModelTopicClient() throws Exception {
        String topic = freshModelTopic();
        byte[] large = FixtureModels.largeBundleBytes("big", "1", 30_000, 64);
        assertThat(large.length).isGreaterThan(5 * 1024 * 1024);
        assertThat(ModelBundles.fromBytes(large).manifest().vocabularySize()).isEqualTo(30_000);

        try (ModelTopicClient client = new ModelTopicClient(broker.bootstrapServers(), topic, TIMEOUT)) {
            client.publishBundle("big", "1", large, "0123456789abcdef:c2ln");
        }
        ModelTopicState state = read(topic);

        StoredBundle stored = state.bundle("big", "1").orElseThrow();
        assertThat(stored.hasBytes(large)).as("bundle bytes round-trip").isTrue();
        assertThat(stored.signature()).isEqualTo("0123456789abcdef:c2ln");
        assertThat(ModelBundles.fromBytes(stored.bytes()).name()).isEqualTo("big");
    }

    @Test
    void shouldPublishWhatTrainWritesAndRefuseAReleaseFlagWithoutPublish() throws Exception {
        String topic = freshModelTopic();
        Path train = dir.resolve("train.jsonl");
        Path test = dir.resolve("test.jsonl");
        Files.write(train, generated(200, 1));
        Files.write(test, generated(60, 2));
        Path bundle = dir.resolve("mine.zip");
        String[] training = {"train", "--train", train.toString(), "--test", test.toString(), "--output",
            bundle.toString(), "--hidden", "8", "--epochs", "2", "--vocab-size", "100", "--validation-size", "20",
            "--batch-size", "32", "--learning-rate", "0.01", "--name", "mine", "--model-version", "7"};

        Run usage = run(concat(training, "--activate"));
        Run trained = run(concat(training, "--publish", "--bootstrap-servers", broker.bootstrapServers(), "--topic",
                topic, "--activate"));

        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--publish");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("wrote " + bundle).contains("published bundle mine@7")
                .contains("mine: active none -> 7");
        ModelTopicState state = read(topic);
        assertThat(state.bundle("mine", "7").orElseThrow().hasBytes(Files.readAllBytes(bundle))).isTrue();
        assertThat(state.release("mine").orElseThrow().active()).isEqualTo("7");
        assertThat(state.bundle("mine", "7").orElseThrow().signature()).isNull();
        assertThat(state.bundles().get(ModelTopic.bundleKey("mine", "7"))).isNotNull();
    }

    private Run publish(String topic, Path bundle, String... extra) {
        return run(concat(new String[] {"publish", "--model", bundle.toString(), "--bootstrap-servers",
            broker.bootstrapServers(), "--topic", topic}, extra));
    }

    private Run release(String topic, String... args) {
        List<String> all = new ArrayList<>(List.of("release"));
        all.add(args[0]);
        all.addAll(List.of("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic));
        all.addAll(List.of(args).subList(1, args.length));
        return run(all.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path bundle(String name, String version, double accuracy) throws Exception {
        Path file = dir.resolve(name + "-" + version + "-" + accuracy + ".zip");
        Files.write(file, FixtureModels.bundleBytes(name, version, accuracy));
        return file;
    }

    private static ModelTopicState read(String topic) {
        try (ModelTopicClient client = new ModelTopicClient(broker.bootstrapServers(), topic, TIMEOUT)) {
            return client.readAll(TIMEOUT);
        }
    }

    /** A model topic with the production spec under a name of its own, so that the tests do not meet. */
    private static String freshModelTopic() throws Exception {
        TopicSpec models = TopicSpecs.find(TopicSpecs.loadDefault(), "newswire-models");
        String name = "models-" + TOPICS.incrementAndGet();
        TopicAdmin.ensureTopics(admin, List.of(new TopicSpec(name, models.partitions(), models.replicationFactor(),
                models.configs())), TIMEOUT);
        return name;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Labelled JSON lines whose label is told by one of three word groups. */
    private static List<String> generated(int n, long seed) {
        String[][] words = {{"wheat", "grain", "harvest"}, {"crude", "oil", "barrel"}, {"profit", "dividend", "shares"}};
        String[] labels = {"grain", "crude", "earn"};
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(3);
            String text = words[label][random.nextInt(3)] + " " + words[label][random.nextInt(3)] + " news today";
            lines.add("{\"text\":\"" + text + "\",\"label\":\"" + labels[label] + "\"}");
        }
        return lines;
    }
}
