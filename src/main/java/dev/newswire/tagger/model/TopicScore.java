package dev.newswire.tagger.model;

/** One topic and the model's score for it (a probability for softmax models). */
public record TopicScore(String topic, double score) {
    public TopicScore {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite for topic " + topic + ": " + score);
        }
    }
}
