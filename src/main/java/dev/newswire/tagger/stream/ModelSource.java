package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelBundle;

/**
 * Where the topology gets its models. Read once per record, so an implementation that switches models
 * ({@link ModelRegistry}) must publish a whole new {@link ServingModels} snapshot at once.
 */
@FunctionalInterface
public interface ModelSource {

    /** The models serving now; never null. */
    ServingModels current();

    /** Always the same single model. */
    static ModelSource fixed(ModelBundle bundle) {
        ServingModels only = ServingModels.only(bundle);
        return () -> only;
    }
}
