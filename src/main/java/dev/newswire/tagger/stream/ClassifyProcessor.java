package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicClassifier;
import dev.newswire.tagger.text.SparseVector;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Classifies each article with the models serving at that moment and forwards the tagged article (key and
 * timestamp unchanged). The serving snapshot is read once per record, so a record is classified wholly by one
 * model, which its output names. With a shadow model, the article is scored by it too and the agreement counted.
 * Each instance (one per stream task) owns its classifiers, of the configured {@link InferenceEngine}, so tasks never
 * share scratch buffers or a network (fast classifiers of one bundle share only its immutable weights).
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], Article, Classified> {

    /** Classifiers of models no longer serving are dropped once more than this many are cached. */
    private static final int MAX_CACHED = 4;

    private final ModelSource models;
    private final int topK;
    private final InferenceEngine engine;
    private final Clock clock;
    private final ShadowStats shadowStats;
    private final Map<String, TopicClassifier> classifiers = new HashMap<>();
    private FixedKeyProcessorContext<byte[], Classified> context;
    private Sensor agreements;
    private Sensor disagreements;

    ClassifyProcessor(ModelSource models, int topK, InferenceEngine engine, Clock clock, ShadowStats shadowStats) {
        this.models = models;
        this.topK = topK;
        this.engine = engine;
        this.clock = clock;
        this.shadowStats = shadowStats;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Classified> context) {
        this.context = context;
        String task = context.taskId().toString();
        agreements = context.metrics().addRateTotalSensor(ModelTopicProcessor.METRICS_SCOPE, "shadow-" + task,
                "shadow-agreements", Sensor.RecordingLevel.INFO);
        disagreements = context.metrics().addRateTotalSensor(ModelTopicProcessor.METRICS_SCOPE, "shadow-" + task,
                "shadow-disagreements", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<byte[], Article> record) {
        ServingModels serving = models.current();
        ModelBundle model = serving.forKey(record.key());
        Article article = record.value();
        TopicClassifier classifier = classifierFor(model, serving);
        SparseVector vector = classifier.vectorizer().vectorize(article.text());
        Prediction prediction = classifier.classify(vector);
        Instant now = clock.instant();
        TaggedArticle tagged = new TaggedArticle(article, prediction, model, now);
        ObjectNode shadow = null;
        if (serving.shadow() != null) {
            ModelBundle shadowModel = serving.shadow();
            TopicClassifier shadowClassifier = classifierFor(shadowModel, serving);
            Prediction shadowPrediction = shadowClassifier.vectorizer() == classifier.vectorizer()
                    ? shadowClassifier.classify(vector) : shadowClassifier.classify(article.text());
            boolean agree = Objects.equals(prediction.topic(), shadowPrediction.topic());
            shadowStats.record(agree);
            (agree ? agreements : disagreements).record();
            shadow = TaggedArticles.shadowComparison(article, prediction, model, shadowPrediction, shadowModel, now);
        }
        context.forward(record.withValue(new Classified(tagged, shadow)));
    }

    private TopicClassifier classifierFor(ModelBundle model, ServingModels serving) {
        TopicClassifier classifier = classifiers.get(model.id());
        if (classifier == null) {
            if (classifiers.size() >= MAX_CACHED) {
                classifiers.keySet().retainAll(java.util.Set.of(serving.active().id(),
                        serving.shadow() == null ? "" : serving.shadow().id(),
                        serving.canary() == null ? "" : serving.canary().id()));
            }
            classifier = model.newTopicClassifier(topK, engine);
            classifiers.put(model.id(), classifier);
        }
        return classifier;
    }
}
