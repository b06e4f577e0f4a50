package dev.newswire.tagger.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link TopicAdmin#ensureTopics} did, one entry per topic spec, in spec order. Immutable.
 *
 * @param entries one entry per topic
 */
public record TopicReport(List<TopicReport.Entry> entries) {

    /** What happened to one topic. */
    public enum Outcome {
        /** The topic did not exist and was created with the spec's partitions, replication factor and configs. */
        CREATED,
        /** The topic existed and some of its configs or its partition count were changed to match the spec. */
        UPDATED,
        /** The topic existed and already matched the spec (warnings aside). */
        UNCHANGED
    }

    /**
     * The outcome for one topic.
     *
     * @param topic    topic name
     * @param outcome  what was done
     * @param changes  what was changed, one line each (empty unless {@link Outcome#UPDATED})
     * @param warnings differences from the spec that were left alone, one line each
     */
    public record Entry(String topic, Outcome outcome, List<String> changes, List<String> warnings) {

        /** Rejects null components and copies the lists. */
        public Entry {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(outcome, "outcome");
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    /** Copies the entries. */
    public TopicReport {
        entries = List.copyOf(entries);
    }

    /** Topic name to outcome, in spec order. */
    public Map<String, Outcome> outcomes() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        entries.forEach(entry -> outcomes.put(entry.topic(), entry.outcome()));
        return outcomes;
    }

    /**
     * The outcome for one topic.
     *
     * @throws IllegalArgumentException if the report has no entry for that topic
     */
    public Outcome outcomeOf(String topic) {
        Outcome outcome = outcomes().get(topic);
        if (outcome == null) {
            throw new IllegalArgumentException("no topic " + topic + " in this report: " + outcomes().keySet());
        }
        return outcome;
    }
}
