package dev.newswire.tagger.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What must change to bring an existing topic in line with its spec: a pure comparison, no I/O.
 *
 * <p>Only the config keys the spec names are compared. Partitions can only grow in Kafka, so a topic with
 * more partitions than its spec, or a different replication factor, yields a warning rather than a change.
 *
 * @param topic             topic name
 * @param configUpdates     config key to wanted value, for each key whose current value differs
 * @param partitionsIncrease the partition count to grow to, if the topic has fewer than the spec
 * @param changes           one human-readable line per change, e.g. {@code retention.ms: 86400000 -> 1209600000}
 * @param warnings          one human-readable line per difference that is left alone
 */
record TopicDiff(String topic, Map<String, String> configUpdates, OptionalInt partitionsIncrease,
                 List<String> changes, List<String> warnings) {

    TopicDiff {
        configUpdates = Collections.unmodifiableMap(new TreeMap<>(configUpdates));
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** Compares a spec with the current state of the topic of the same name. */
    static TopicDiff between(TopicSpec spec, TopicState current) {
        if (!spec.name().equals(current.name())) {
            throw new IllegalArgumentException("spec " + spec.name() + " compared with topic " + current.name());
        }
        Map<String, String> updates = new TreeMap<>();
        List<String> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        spec.configs().forEach((key, wanted) -> {
            String actual = current.configs().get(key);
            if (!wanted.equals(actual)) {
                updates.put(key, wanted);
                changes.add(key + ": " + (actual == null ? "(unset)" : actual) + " -> " + wanted);
            }
        });
        OptionalInt increase = OptionalInt.empty();
        if (current.partitions() < spec.partitions()) {
            increase = OptionalInt.of(spec.partitions());
            changes.add("partitions: " + current.partitions() + " -> " + spec.partitions());
        } else if (current.partitions() > spec.partitions()) {
            warnings.add("has " + current.partitions() + " partitions, more than the " + spec.partitions()
                    + " of its spec; Kafka cannot remove partitions, left as is");
        }
        if (current.replicationFactor() != spec.replicationFactor()) {
            warnings.add("has replication factor " + current.replicationFactor() + " but its spec says "
                    + spec.replicationFactor() + "; changing it needs a partition reassignment, left as is");
        }
        return new TopicDiff(spec.name(), updates, increase, changes, warnings);
    }

    /** Whether nothing needs to be changed (warnings aside). */
    boolean isEmpty() {
        return configUpdates.isEmpty() && partitionsIncrease.isEmpty();
    }
}
