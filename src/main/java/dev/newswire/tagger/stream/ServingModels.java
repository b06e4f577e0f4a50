package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelBundle;
import java.util.Objects;
import org.apache.kafka.common.utils.Utils;

/**
 * The models serving at one moment: the active one, an optional shadow that scores every article without
 * serving, and an optional canary that serves {@code canaryPercent} of articles chosen by key hash (so the same
 * article always gets the same version). Immutable: a switch replaces the whole snapshot, so each record is
 * classified wholly by the models of one snapshot.
 */
public record ServingModels(ModelBundle active, ModelBundle shadow, ModelBundle canary, int canaryPercent) {

    public ServingModels {
        Objects.requireNonNull(active, "active");
        if (canary == null ? canaryPercent != 0 : canaryPercent < 1 || canaryPercent > 99) {
            throw new IllegalArgumentException("canary percent must be 1..99 with a canary, 0 without: " + canaryPercent);
        }
    }

    /** Only {@code model}, no shadow, no canary. */
    public static ServingModels only(ModelBundle model) {
        return new ServingModels(model, null, null, 0);
    }

    /** The model that serves the article with this key: the canary for its share of key hashes, else active. */
    public ModelBundle forKey(byte[] key) {
        if (canary != null && key != null && bucket(key) < canaryPercent) {
            return canary;
        }
        return active;
    }

    /** A stable bucket 0..99 of a key: murmur2, as Kafka's default partitioner hashes keys. */
    public static int bucket(byte[] key) {
        return Utils.toPositive(Utils.murmur2(key)) % 100;
    }
}
