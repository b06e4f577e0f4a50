package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.AppVersion;
import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicClassifier;
import dev.newswire.tagger.stream.HostileInputs.Expect;
import dev.newswire.tagger.stream.HostileInputs.Input;
import dev.newswire.tagger.stream.HostileInputs.Kind;
import dev.newswire.tagger.stream.InvalidArticleException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * More than 10,000 hostile inputs, generated with a fixed seed ({@link HostileInputs}), through the topology in
 * the {@link TopologyTestDriver}: no exception escapes, each input yields exactly one tagged record or exactly one
 * dead letter (matched by key), as its kind says where that is decided, and nothing carries NaN or Infinity.
 */
class HostileInputFuzzTest {

    private static final long SEED = 20_261_203L;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant T0 = Instant.parse("1987-03-02T12:00:00Z");
    /**
     * A parser as strict as JSON: NaN, Infinity and other non-numeric tokens are refused. Floating-point numbers are
     * read exactly (as BigDecimal), so that an input's number beyond a double's range, which the output carries on
     * as it came, is compared as written; the classification's scores are checked as doubles.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> REASONS = reasonCodes();

    private static final Map<Kind, Integer> COUNTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.VALID_NEWSWIRE, 600), Map.entry(Kind.RANDOM_BYTES, 1500), Map.entry(Kind.JSONISH_NOISE, 1200),
            Map.entry(Kind.TRUNCATED, 1200), Map.entry(Kind.FLIPPED_BYTES, 1500), Map.entry(Kind.DEEP_NESTING, 400),
            Map.entry(Kind.HUGE_STRING, 30), Map.entry(Kind.WRONG_TYPES, 800), Map.entry(Kind.NOT_AN_OBJECT, 300),
            Map.entry(Kind.NUMBERS, 500), Map.entry(Kind.LONE_SURROGATES, 500), Map.entry(Kind.INVALID_UTF8, 300),
            Map.entry(Kind.DECORATED_KNOWN_WORDS, 600), Map.entry(Kind.NON_LATIN_TEXT, 600),
            Map.entry(Kind.CONTROL_CHARACTERS, 200), Map.entry(Kind.DUPLICATES_AND_TRAILING_DATA, 200),
            Map.entry(Kind.TOMBSTONE, 100)));

    @Test
    void shouldTagOrDeadLetterEachOfTenThousandHostileInputsExactlyOnce() throws Exception {
        ModelBundle model = FixtureModels.bundle();
        assertThat(model.vectorizer().vocabulary().words()).as("the fixture's vocabulary, which non-Latin text misses")
                .allMatch(w -> w.chars().allMatch(c -> c < 128));
        HostileInputs generator = HostileInputs.seeded(SEED);
        List<Input> inputs = generator.generate(COUNTS);
        assertThat(inputs.size()).isGreaterThanOrEqualTo(10_000);
        for (String word : FixtureModels.SENTENCES.stream().flatMap(List::stream).flatMap(s -> Arrays.stream(s.split(" "))).toList()) {
            assertThat(model.vectorizer().vocabulary().indexOf(word)).as("known word %s", word).isNotNegative();
        }

        TaggerConfig config = TaggerConfig.defaults("unused:9092");
        Outcomes outcomes;
        long tombstones = inputs.stream().filter(i -> i.value() == null).count();
        setDeadLetterLogLevel(Level.ERROR);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TaggerTopology.build(config, ModelSource.fixed(model), Clock.fixed(NOW, ZoneOffset.UTC)), config.streamsProperties())) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(config.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer());
            long start = System.nanoTime();
            for (int i = 0; i < inputs.size(); i++) {
                pipe(in, i, inputs.get(i));
            }
            System.out.printf(Locale.ROOT, "fuzz: %d inputs piped in %.1f s%n", inputs.size(), (System.nanoTime() - start) / 1e9);
            outcomes = new Outcomes(
                    driver.createOutputTopic(config.outputTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList(),
                    driver.createOutputTopic(config.dlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList());
            assertThat(TaggerTopologyTest.tombstonesSkipped(driver)).as("tombstones counted").isEqualTo((double) tombstones);
        } finally {
            setDeadLetterLogLevel(null);
        }

        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            Tally tally = tallies.computeIfAbsent(input.kind(), k -> new Tally());
            tally.inputs++;
            check(i, input, outcomes, model, tally);
        }
        assertThat(outcomes.tagged.keySet()).as("no output for a key that was not sent").allMatch(k -> k < inputs.size());
        assertThat(outcomes.dead.keySet()).allMatch(k -> k < inputs.size());
        report(inputs.size(), outcomes, tallies);

        // Every kind that can be tagged was, and every kind that can be refused was: the generator reached both paths.
        assertThat(tallies.get(Kind.FLIPPED_BYTES).tagged).isPositive();
        assertThat(tallies.get(Kind.FLIPPED_BYTES).dead).isPositive();
        assertThat(tallies.get(Kind.DEEP_NESTING).tagged).isPositive();
        assertThat(tallies.get(Kind.DEEP_NESTING).dead).isPositive();
        assertThat(tallies.get(Kind.HUGE_STRING).tagged).isPositive();
        assertThat(tallies.get(Kind.HUGE_STRING).dead).isPositive();
        assertThat(tallies.get(Kind.NUMBERS).tagged).isPositive();
    }

    /**
     * Text of non-Latin scripts only, classified by the production model (whose 10,000 words are all from the
     * English newswires): never a guess.
     */
    @Test
    void shouldAbstainOnNonLatinTextWithTheProductionModelToo() throws Exception {
        ModelBundle model = EmbeddedModel.load();
        assertThat(model.vectorizer().vocabulary().words()).as("the production vocabulary has no non-Latin letter")
                .allMatch(w -> w.codePoints().allMatch(c -> c < 0x250));
        TopicClassifier classifier = model.newTopicClassifier(3);
        List<Input> inputs = HostileInputs.seeded(SEED + 1).generate(Map.of(Kind.NON_LATIN_TEXT, 1000));
        for (Input input : inputs) {
            Article article = new ArticleDeserializer(1 << 20).parse(input.value());
            Prediction prediction = classifier.classify(article.text());
            assertThat(prediction.abstained()).as("%s", article.text()).isTrue();
            assertThat(prediction.topic()).isNull();
            assertThat(prediction.top()).isEmpty();
        }
    }

    private static void pipe(TestInputTopic<byte[], byte[]> in, int index, Input input) {
        try {
            in.pipeInput(key(index), input.value(), T0.plusMillis(index));
        } catch (RuntimeException e) {
            throw new AssertionError("input " + index + " (" + input.kind() + ") escaped with " + e + "; it began "
                    + describe(input.value()), e);
        }
    }

    private static void check(int index, Input input, Outcomes outcomes, ModelBundle model, Tally tally) throws Exception {
        List<TestRecord<byte[], byte[]>> tagged = outcomes.tagged.getOrDefault(index, List.of());
        List<TestRecord<byte[], byte[]>> dead = outcomes.dead.getOrDefault(index, List.of());
        String what = "input " + index + " (" + input.kind() + ", " + describe(input.value()) + ")";
        Expect expect = input.expect();
        if (expect.nothing()) {
            assertThat(tagged.size() + dead.size()).as("%s: a tombstone yields nothing", what).isZero();
            return;
        }
        assertThat(tagged.size() + dead.size()).as("%s: exactly one record, tagged %d, dead %d", what, tagged.size(), dead.size())
                .isEqualTo(1);
        if (!dead.isEmpty()) {
            String reason = checkDeadLetter(what, index, input, dead.get(0));
            tally.dead++;
            tally.reasons.merge(reason, 1, Integer::sum);
            assertThat(expect.deadLetter()).as("%s was dead-lettered (%s): %s", what, reason,
                    header(dead.get(0), "__streams.errors.message")).isNotEqualTo(Boolean.FALSE);
            if (expect.reason() != null) {
                assertThat(reason).as("%s", what).isEqualTo(expect.reason());
            }
        } else {
            assertThat(expect.deadLetter()).as("%s was tagged", what).isNotEqualTo(Boolean.TRUE);
            boolean abstained = checkTagged(what, index, input, tagged.get(0), model);
            tally.tagged++;
            tally.abstained += abstained ? 1 : 0;
            if (expect.abstained() != null) {
                assertThat(abstained).as("%s abstained", what).isEqualTo(expect.abstained());
            }
        }
    }

    /** The dead letter carries the input's exact bytes and the headers that say where it came from and why. */
    private static String checkDeadLetter(String what, int index, Input input, TestRecord<byte[], byte[]> d) {
        assertThat(d.value()).as("%s: original bytes", what).isEqualTo(input.value());
        assertThat(d.getRecordTime()).isEqualTo(T0.plusMillis(index));
        assertThat(header(d, "__streams.errors.topic")).isEqualTo("newswire");
        assertThat(header(d, "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(d, "__streams.errors.offset")).as("%s: offset", what).isEqualTo(String.valueOf(index));
        assertThat(header(d, "__streams.errors.exception")).isNotBlank();
        assertThat(d.headers().lastHeader("__streams.errors.message")).isNotNull();
        assertThat(header(d, DeadLetterRecords.TIMESTAMP_HEADER)).isEqualTo(String.valueOf(T0.plusMillis(index).toEpochMilli()));
        assertThat(header(d, DeadLetterRecords.VERSION_HEADER)).isEqualTo(AppVersion.current());
        assertThat(d.headers().lastHeader(DeadLetterRecords.TRUNCATED_HEADER)).isNull();
        String reason = header(d, DeadLetterRecords.REASON_HEADER);
        assertThat(REASONS).as("%s: reason", what).contains(reason);
        return reason;
    }

    /**
     * The tagged record is strict JSON without a non-finite number, keeps the input's fields, and its
     * classification is well formed: a topic of the model's exactly when it did not abstain. True if it abstained.
     */
    private static boolean checkTagged(String what, int index, Input input, TestRecord<byte[], byte[]> t, ModelBundle model)
            throws Exception {
        assertThat(t.getRecordTime()).isEqualTo(T0.plusMillis(index));
        JsonNode out = STRICT.readTree(t.value());
        assertAllNumbersFinite(what, out.get("classification"));
        assertThat(out.path("id").isTextual() && !out.path("id").asText().isBlank()).as("%s: id", what).isTrue();
        if (input.fidelity()) {
            ObjectNode fields = ((ObjectNode) out).deepCopy();
            fields.remove("classification");
            assertThat(fields).as("%s: the input's fields, unchanged", what).isEqualTo(STRICT.readTree(input.value()));
        }
        JsonNode c = out.get("classification");
        boolean abstained = c.get("abstained").asBoolean();
        assertThat(c.get("abstained").isBoolean()).isTrue();
        double confidence = c.get("confidence").asDouble();
        assertThat(confidence).as("%s: confidence", what).isBetween(0.0, 1.0);
        assertThat(c.get("model").get("id").asText()).isEqualTo(model.id());
        assertThat(c.get("classified_at").asText()).isEqualTo(NOW.toString());
        if (abstained) {
            assertThat(c.get("topic").isNull()).as("%s: abstained without a topic", what).isTrue();
            assertThat(c.get("top")).isEmpty();
            assertThat(confidence).isZero();
        } else {
            assertThat(model.labels()).as("%s: topic", what).contains(c.get("topic").asText());
            assertThat(c.get("top")).hasSize(3);
            assertThat(c.get("top").get(0).get("topic").asText()).isEqualTo(c.get("topic").asText());
            assertThat(c.get("top").get(0).get("score").asDouble()).isEqualTo(confidence);
            double previous = 1.0;
            for (JsonNode score : c.get("top")) {
                assertThat(score.get("score").isNumber()).isTrue();
                assertThat(score.get("score").asDouble()).isBetween(0.0, previous);
                previous = score.get("score").asDouble();
            }
        }
        return abstained;
    }

    private static void assertAllNumbersFinite(String what, JsonNode node) {
        if (node.isNumber()) {
            assertThat(Double.isNaN(node.doubleValue())).as("%s: NaN", what).isFalse();
            if (node.isDouble() || node.isFloat()) {
                assertThat(Double.isFinite(node.doubleValue())).as("%s: %s", what, node).isTrue();
            }
        }
        node.forEach(child -> assertAllNumbersFinite(what, child));
    }

    private static void report(int inputs, Outcomes outcomes, Map<Kind, Tally> tallies) {
        int taggedRecords = outcomes.tagged.values().stream().mapToInt(List::size).sum();
        int deadRecords = outcomes.dead.values().stream().mapToInt(List::size).sum();
        int abstained = tallies.values().stream().mapToInt(t -> t.abstained).sum();
        Map<String, Integer> reasons = new TreeMap<>();
        tallies.values().forEach(t -> t.reasons.forEach((r, n) -> reasons.merge(r, n, Integer::sum)));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "fuzz (seed %d, newswires from %s): %d inputs, %d tagged (%d abstained), %d dead letters %s, %d tombstones%n",
                SEED, HostileInputs.newswireSource(), inputs, taggedRecords, abstained, deadRecords, reasons,
                tallies.get(Kind.TOMBSTONE).inputs));
        tallies.forEach((kind, t) -> sb.append(String.format(Locale.ROOT, "  %-30s %5d inputs: %5d tagged (%4d abstained), %5d dead %s%n",
                kind, t.inputs, t.tagged, t.abstained, t.dead, new TreeMap<>(t.reasons))));
        System.out.print(sb);
    }

    /** What came out, by input index (the key). */
    private static final class Outcomes {
        final Map<Integer, List<TestRecord<byte[], byte[]>>> tagged;
        final Map<Integer, List<TestRecord<byte[], byte[]>>> dead;

        Outcomes(List<TestRecord<byte[], byte[]>> tagged, List<TestRecord<byte[], byte[]>> dead) {
            this.tagged = byIndex(tagged);
            this.dead = byIndex(dead);
        }

        private static Map<Integer, List<TestRecord<byte[], byte[]>>> byIndex(List<TestRecord<byte[], byte[]>> records) {
            Map<Integer, List<TestRecord<byte[], byte[]>>> byIndex = new HashMap<>();
            for (TestRecord<byte[], byte[]> r : records) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                assertThat(key).startsWith("f-");
                byIndex.computeIfAbsent(Integer.parseInt(key.substring(2)), k -> new ArrayList<>()).add(r);
            }
            return byIndex;
        }
    }

    private static final class Tally {
        int inputs;
        int tagged;
        int abstained;
        int dead;
        final Map<String, Integer> reasons = new HashMap<>();
    }

    private static Set<String> reasonCodes() {
        Set<String> codes = Arrays.stream(Reason.values()).map(Reason::code).collect(Collectors.toCollection(HashSet::new));
        codes.add(SerializationDeadLetterHandler.REASON);
        return codes;
    }

    /** Sets the level of the dead-letter handlers' loggers (one WARN line per dead letter); null: as configured. */
    private static void setDeadLetterLogLevel(Level level) {
        for (Class<?> handler : List.of(DeadLetterHandler.class, SerializationDeadLetterHandler.class)) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(handler)).setLevel(level);
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header %s", name).isNotNull();
        return h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] key(int index) {
        return ("f-" + index).getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(byte[] value) {
        if (value == null) {
            return "null";
        }
        String text = new String(value, 0, Math.min(value.length, 80), StandardCharsets.UTF_8);
        return value.length + " bytes: " + text.replaceAll("\\p{Cntrl}", "?") + (value.length > 80 ? "..." : "");
    }
}
