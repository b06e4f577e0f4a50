package dev.newswire.tagger.kafka;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a topic looks like on the cluster right now, as far as a {@link TopicSpec} cares.
 *
 * @param name              topic name
 * @param partitions        current partition count
 * @param replicationFactor replicas of the first partition
 * @param configs           current values of the config keys the spec names; a key is absent when the broker
 *                          reported no value for it. Copied
 */
record TopicState(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    TopicState {
        Objects.requireNonNull(name, "name");
        configs = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(configs, "configs")));
    }
}
