package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelRelease;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The latest value of every key of the model topic, as {@link ModelTopicClient#readAll} read it: the bundles by
 * record key ({@code name@version}, in the order they were written) and the releases by model name. Tombstoned
 * keys are absent. Immutable.
 */
public record ModelTopicState(Map<String, StoredBundle> bundles, Map<String, ModelRelease> releases) {

    public ModelTopicState {
        bundles = Collections.unmodifiableMap(new LinkedHashMap<>(bundles));
        releases = Collections.unmodifiableMap(new LinkedHashMap<>(releases));
    }

    /** A topic with no records. */
    public static ModelTopicState empty() {
        return new ModelTopicState(Map.of(), Map.of());
    }

    /** The versions of {@code name} on the topic, in the order their bundles were written. */
    public List<String> versionsOf(String name) {
        return bundles.values().stream().filter(b -> b.name().equals(name)).map(StoredBundle::version).toList();
    }

    /** The release of {@code name}, if it has one. */
    public Optional<ModelRelease> release(String name) {
        return Optional.ofNullable(releases.get(name));
    }

    /** The bundle {@code name@version}, if it is on the topic. */
    public Optional<StoredBundle> bundle(String name, String version) {
        return Optional.ofNullable(bundles.get(ModelTopic.bundleKey(name, version)));
    }

    /** Every model name that has a bundle or a release, sorted. */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>(releases.keySet());
        bundles.values().forEach(b -> names.add(b.name()));
        return Collections.unmodifiableSortedSet(names);
    }

    /** The only model name on the topic, or empty if it holds none or several. */
    public Optional<String> onlyName() {
        SortedSet<String> names = names();
        return names.size() == 1 ? Optional.of(names.first()) : Optional.empty();
    }

    /** This state with {@code bundle} added (or replacing the bundle with the same key). */
    public ModelTopicState withBundle(StoredBundle bundle) {
        Map<String, StoredBundle> more = new LinkedHashMap<>(bundles);
        more.put(bundle.key(), bundle);
        return new ModelTopicState(more, releases);
    }
}
