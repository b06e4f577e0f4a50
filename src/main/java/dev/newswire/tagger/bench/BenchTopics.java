package dev.newswire.tagger.bench;

import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicAdminException;
import dev.newswire.tagger.kafka.TopicSpec;
import dev.newswire.tagger.kafka.TopicSpecs;
import dev.newswire.tagger.stream.TaggerConfig;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The six topics of one bench run, named after the project's topics with a unique suffix
 * ({@code newswire-bench-<run>}, {@code newswire-tagged-bench-<run>}, ...) and shaped like them (partitions,
 * configs; the input has 4 partitions), so that reruns against the same cluster never mix. The model topic is new
 * and empty too: the run serves the model it is given, whatever a cluster's own model topic holds. Immutable.
 *
 * @param run  the unique part of the names, also the bench's application id suffix
 * @param byKey each topic key of {@link TaggerConfig} ({@code input.topic}, ...) with the spec of its topic
 */
public record BenchTopics(String run, Map<String, TopicSpec> byKey) {

    /** The configuration keys naming the topics, all set by the bench. */
    public static final List<String> KEYS = List.of("input.topic", "output.topic", "dlq.topic", "model.topic",
            "model.events.topic", "shadow.topic");

    private static final SecureRandom RANDOM = new SecureRandom();

    public BenchTopics {
        byKey = Map.copyOf(byKey);
    }

    /** Topics with a new unique suffix: seconds since the epoch (base 36) and 4 random hex digits. */
    public static BenchTopics fresh() {
        String run = String.format(Locale.ROOT, "%s-%04x",
                Long.toString(System.currentTimeMillis() / 1000, 36), RANDOM.nextInt(0x10000));
        return named(run);
    }

    /** The topics of run {@code run}, shaped as {@code topics/topics.json} says. */
    static BenchTopics named(String run) {
        List<TopicSpec> specs = TopicSpecs.loadDefault();
        TaggerConfig defaults = TaggerConfig.defaults("unused:9092");
        Map<String, String> defaultNames = new LinkedHashMap<>();
        defaultNames.put("input.topic", defaults.inputTopic());
        defaultNames.put("output.topic", defaults.outputTopic());
        defaultNames.put("dlq.topic", defaults.dlqTopic());
        defaultNames.put("model.topic", defaults.modelTopic());
        defaultNames.put("model.events.topic", defaults.modelEventsTopic());
        defaultNames.put("shadow.topic", defaults.shadowTopic());
        Map<String, TopicSpec> byKey = new LinkedHashMap<>();
        defaultNames.forEach((key, name) -> {
            TopicSpec spec = TopicSpecs.find(specs, name);
            byKey.put(key, new TopicSpec(name + "-bench-" + run, spec.partitions(), spec.replicationFactor(), spec.configs()));
        });
        return new BenchTopics(run, byKey);
    }

    public String input() {
        return byKey.get("input.topic").name();
    }

    public String output() {
        return byKey.get("output.topic").name();
    }

    public String dlq() {
        return byKey.get("dlq.topic").name();
    }

    /** The topic keys and names, for the tagger's configuration. */
    public Map<String, String> configEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        KEYS.forEach(key -> entries.put(key, byKey.get(key).name()));
        return entries;
    }

    /** Creates the topics and waits until they can be used. */
    public void create(Admin admin, Duration timeout) throws TopicAdminException {
        TopicAdmin.ensureTopics(admin, List.copyOf(byKey.values()), timeout);
    }

    /**
     * Deletes the topics and the consumer group {@code applicationId}; what cannot be deleted is left behind (a
     * warning for the caller), since the measurements are already taken.
     *
     * @return null when all went, else why not
     */
    public String delete(Admin admin, String applicationId, Duration timeout) {
        try {
            admin.deleteTopics(byKey.values().stream().map(TopicSpec::name).toList()).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
