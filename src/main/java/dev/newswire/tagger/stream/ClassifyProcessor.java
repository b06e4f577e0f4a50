package dev.newswire.tagger.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicClassifier;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Classifies each article with the model of its {@link ModelSource} and forwards the tagged article, key and
 * timestamp unchanged. Each instance (one per stream task) owns its classifier, so tasks never share a network.
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], Article, ObjectNode> {

    private final ModelSource models;
    private final int topK;
    private final Clock clock;
    private FixedKeyProcessorContext<byte[], ObjectNode> context;
    private ModelBundle model;
    private TopicClassifier classifier;

    ClassifyProcessor(ModelSource models, int topK, Clock clock) {
        this.models = models;
        this.topK = topK;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ObjectNode> context) {
        this.context = context;
        this.model = models.current();
        this.classifier = model.newTopicClassifier(topK);
    }

    @Override
    public void process(FixedKeyRecord<byte[], Article> record) {
        Article article = record.value();
        Prediction prediction = classifier.classify(article.text());
        context.forward(record.withValue(TaggedArticles.tag(article, prediction, model, clock.instant())));
    }
}
