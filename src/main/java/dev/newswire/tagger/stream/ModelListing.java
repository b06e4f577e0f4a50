package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.InvalidBundleException;
import dev.newswire.tagger.model.ModelManifest;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.Signatures;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code models list} per bundle on the model topic: what its manifest says and which release
 * pointers of its model point at it. Reads only the manifest of each bundle, not its network.
 *
 * @param accuracy  the recorded test accuracy, or null if there is none
 * @param createdAt the manifest's {@code createdAt}, or null if the manifest is unreadable
 * @param split     the split it was tested on, or null if the manifest is unreadable
 * @param keyId     the id of the key that signed the bundle record, or null if it is unsigned
 * @param markers   {@code active}, {@code shadow}, {@code canary N%}, {@code previous}, in that order
 * @param problem   why the manifest is unreadable, or null
 */
public record ModelListing(String name, String version, int size, String createdAt, Double accuracy, String split,
                           boolean signed, String keyId, List<String> markers, String problem) {

    public ModelListing {
        markers = List.copyOf(markers);
    }

    /** The rows of every bundle, by name, then in the order they were written. */
    public static List<ModelListing> of(ModelTopicState state) {
        List<ModelListing> rows = new ArrayList<>();
        for (String name : state.names()) {
            ModelRelease release = state.release(name).orElse(null);
            for (String version : state.versionsOf(name)) {
                rows.add(row(state.bundle(name, version).orElseThrow(), release));
            }
        }
        return rows;
    }

    private static ModelListing row(StoredBundle bundle, ModelRelease release) {
        List<String> markers = markers(bundle.version(), release);
        boolean signed = bundle.signature() != null;
        String keyId = Signatures.keyIdOf(bundle.signature()).orElse(null);
        try {
            ModelManifest m = ModelBundles.readManifest(bundle.bytes());
            return new ModelListing(bundle.name(), bundle.version(), bundle.size(), m.createdAt(),
                    m.testMetrics().get("accuracy"), m.data().split(), signed, keyId, markers, null);
        } catch (InvalidBundleException e) {
            return new ModelListing(bundle.name(), bundle.version(), bundle.size(), null, null, null, signed, keyId,
                    markers, e.getMessage());
        }
    }

    private static List<String> markers(String version, ModelRelease release) {
        List<String> markers = new ArrayList<>();
        if (release == null) {
            return markers;
        }
        if (version.equals(release.active())) {
            markers.add("active");
        }
        if (version.equals(release.shadow())) {
            markers.add("shadow");
        }
        if (release.canary() != null && version.equals(release.canary().version())) {
            markers.add("canary " + release.canary().percent() + "%");
        }
        if (version.equals(release.previous())) {
            markers.add("previous");
        }
        return markers;
    }
}
