package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.data.Dataset;
import dev.newswire.tagger.data.LabeledDocument;
import dev.newswire.tagger.data.ReutersDocument;
import dev.newswire.tagger.data.ReutersFixture;
import dev.newswire.tagger.data.Splits;
import dev.newswire.tagger.data.TextSource;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.text.FeatureWeighting;
import dev.newswire.tagger.text.SparseVector;
import dev.newswire.tagger.train.Trainer;
import dev.newswire.tagger.train.TrainerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer and the topology turn the same Reuters document into the same numbers: one vectorizer, one text
 * rule. Trains a small model on keras46 (real corpus) and checks vectors and scores document by document.
 */
class VectorParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Dataset keras46;
    private static Map<String, ReutersDocument> byId;
    private static ModelBundle model;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        List<ReutersDocument> corpus = ReutersFixture.corpusOrSkip();
        keras46 = Splits.keras46(corpus, TextSource.OWN);
        byId = new HashMap<>();
        corpus.forEach(d -> byId.put(String.valueOf(d.newId()), d));
        TrainerOptions options = new TrainerOptions("parity", List.of(16), 2, 2000, FeatureWeighting.TFIDF, 3L,
                512, 0.001, 1000, "parity", "1");
        Trainer.Result result = new Trainer(options, Clock.systemUTC()).train(keras46, "own", e -> { });
        model = ModelBundles.fromBytes(ModelBundles.toBytes(result.manifest(), result.vocabulary(), result.network()));
    }

    private static byte[] articleJson(LabeledDocument doc) throws Exception {
        ReutersDocument d = byId.get(doc.id());
        return JSON.writeValueAsBytes(Map.of("id", doc.id(), "headline", d.title(), "body", d.articleBody()));
    }

    @Test
    void shouldVectorizeEveryTestDocumentAsTheTopologyVectorizesItsArticle() throws Exception {
        ArticleDeserializer parser = new ArticleDeserializer(1 << 20);
        int nonEmpty = 0;
        for (LabeledDocument doc : keras46.test()) {
            SparseVector trainer = Trainer.featuresOf(model.vectorizer(), doc);
            SparseVector topology = model.vectorizer().vectorize(parser.parse(articleJson(doc)).text());
            assertThat(topology).as("document %s", doc.id()).isEqualTo(trainer);
            nonEmpty += trainer.isEmpty() ? 0 : 1;
        }
        // Only the few stories without title and body (TEXT TYPE="UNPROC") have no known word.
        assertThat(nonEmpty).isGreaterThan((int) (keras46.test().size() * 0.99));
    }

    @Test
    void shouldScoreInTheTopologyWhatTheTrainersVectorScores() throws Exception {
        TaggerConfig config = TaggerConfig.defaults("unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TaggerTopology.build(config, ModelSource.fixed(model)), config.streamsProperties())) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(config.inputTopic(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], ObjectNode> out = driver.createOutputTopic(config.outputTopic(),
                    new ByteArrayDeserializer(), JsonSerde.tagged().deserializer());
            List<LabeledDocument> sample = keras46.test().subList(0, 300);
            for (LabeledDocument doc : sample) {
                in.pipeInput(doc.id().getBytes(StandardCharsets.UTF_8), articleJson(doc));
            }
            List<ObjectNode> tagged = out.readValuesToList();
            assertThat(tagged).hasSize(sample.size());
            var classifier = model.newClassifier();
            for (int i = 0; i < sample.size(); i++) {
                float[] expected = classifier.scores(Trainer.featuresOf(model.vectorizer(), sample.get(i)));
                JsonNode top = tagged.get(i).get("classification").get("top");
                for (JsonNode t : top) {
                    int label = model.labels().indexOf(t.get("topic").asText());
                    assertThat(t.get("score").asDouble()).isCloseTo(expected[label], within(1e-6));
                }
            }
        }
    }
}
