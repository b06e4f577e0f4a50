package dev.newswire.tagger.kafka;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * The wanted shape of one Kafka topic, as declared in {@code topics/topics.json}.
 *
 * <p>Immutable and thread-safe. The compact constructor rejects anything Kafka would refuse, so a spec that
 * exists is one that can be created.
 *
 * @param name              a legal Kafka topic name: 1 to 249 characters out of {@code [a-zA-Z0-9._-]},
 *                          and neither {@code "."} nor {@code ".."}
 * @param partitions        number of partitions, at least 1
 * @param replicationFactor number of replicas of each partition, 1 to {@link Short#MAX_VALUE}
 * @param configs           topic-level configuration overrides (e.g. {@code retention.ms}); only these keys
 *                          are managed, every other key keeps the broker default. Copied, sorted by key;
 *                          may be empty
 */
public record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    /** Kafka's own limit on topic name length. */
    public static final int MAX_NAME_LENGTH = 249;

    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    /** Validates every component; see the record description for the rules. */
    public TopicSpec {
        requireLegalName(name);
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("topic " + name + ": replicationFactor must be between 1 and "
                    + Short.MAX_VALUE + ", was " + replicationFactor);
        }
        configs = copyConfigs(name, configs);
    }

    /** The admin request that creates this topic with its partitions, replication factor and configs. */
    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
    }

    private static void requireLegalName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("topic name must not be null");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("topic name must be 1 to " + MAX_NAME_LENGTH
                    + " characters long, was " + name.length() + ": \"" + name + "\"");
        }
        if (name.equals(".") || name.equals("..") || !LEGAL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("illegal topic name \"" + name
                    + "\": use only ASCII letters, digits, '.', '_' and '-', and not \".\" or \"..\" alone");
        }
    }

    private static Map<String, String> copyConfigs(String name, Map<String, String> configs) {
        if (configs == null) {
            throw new IllegalArgumentException("topic " + name + ": configs must not be null (use {} for none)");
        }
        configs.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("topic " + name + ": config keys must not be blank");
            }
            if (value == null) {
                throw new IllegalArgumentException("topic " + name + ": config " + key + " has no value");
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(configs));
    }
}
