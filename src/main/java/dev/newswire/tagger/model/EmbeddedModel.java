package dev.newswire.tagger.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pretrained model shipped inside the jar (trained by this project's trainer on {@code keras46}, see the
 * README for the command), and the rule "a configured bundle file, else the embedded one".
 */
public final class EmbeddedModel {

    /** Class-path location of the embedded bundle. */
    public static final String RESOURCE = "/models/newswire-keras46.zip";

    private EmbeddedModel() {
    }

    /** Loads and validates the embedded bundle. */
    public static ModelBundle load() throws IOException {
        return ModelBundles.readResource(RESOURCE);
    }

    /** The bundle at {@code file} when given, else the embedded one. */
    public static ModelBundle loadOrDefault(Optional<Path> file) throws IOException {
        return file.isPresent() ? ModelBundles.read(file.get()) : load();
    }
}
