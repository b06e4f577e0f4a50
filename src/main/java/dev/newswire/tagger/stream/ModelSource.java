package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelBundle;
import java.util.Objects;

/**
 * Where the topology gets its model. Asked once per stream task when the task starts; a later issue's registry
 * swaps models at run time behind the same interface.
 */
@FunctionalInterface
public interface ModelSource {

    /** The model to classify with now; never null. */
    ModelBundle current();

    /** Always the same bundle. */
    static ModelSource fixed(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        return () -> bundle;
    }
}
