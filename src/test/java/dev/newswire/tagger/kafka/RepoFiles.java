package dev.newswire.tagger.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository checkout from a test. */
final class RepoFiles {

    private RepoFiles() {
    }

    /** The repository root: {@code NEWSWIRE_REPO_ROOT} (set by the build) or else the working directory. */
    static Path root() {
        String configured = System.getenv("NEWSWIRE_REPO_ROOT");
        Path root = Path.of(configured == null || configured.isBlank() ? System.getProperty("user.dir") : configured);
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("not the repository root (no pom.xml): " + root.toAbsolutePath());
        }
        return root;
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
