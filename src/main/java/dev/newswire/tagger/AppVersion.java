package dev.newswire.tagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * The application's version, e.g. {@code 0.1.0-SNAPSHOT}: the {@code version} of the properties file
 * {@value #RESOURCE} that the build writes from the pom (so it is there when running from classes, in tests,
 * as well as in the jar); the jar manifest's {@code Implementation-Version} if that file is missing;
 * {@value #UNKNOWN} if both are. Read once; thread-safe.
 */
public final class AppVersion {

    /** The classpath resource written by the build. */
    public static final String RESOURCE = "/dev/newswire/tagger/version.properties";
    /** The version when neither the resource nor a manifest says. */
    public static final String UNKNOWN = "unknown";

    private static final String CURRENT = fromResource().orElse(fromManifest());

    private AppVersion() {
    }

    /** This build's version. */
    public static String current() {
        return CURRENT;
    }

    private static Optional<String> fromResource() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String version = properties.getProperty("version", "").strip();
            // An unfiltered copy (an IDE build that skipped filtering) still holds the placeholder.
            return version.isEmpty() || version.contains("${") ? Optional.empty() : Optional.of(version);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String fromManifest() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? UNKNOWN : version.strip();
    }
}
