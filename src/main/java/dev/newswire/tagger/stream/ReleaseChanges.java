package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.ModelRelease.Canary;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The release operations of one model, as pure functions of the model topic's state: each returns the
 * {@link ReleasePlan} (new release, no change, or refusal) and writes nothing. Every version a release is to
 * point at must have its bundle on the topic. A new release gets {@code updated_at} = {@code now} and the given
 * reason, or a default one naming the operation when it is null or blank; it is unsigned.
 */
public final class ReleaseChanges {

    private ReleaseChanges() {
    }

    /**
     * Makes {@code version} active; the version active before becomes {@code previous}, and a shadow or canary
     * that pointed at {@code version} is cleared. Works without a release (the first activation).
     */
    public static ReleasePlan activate(ModelTopicState state, String name, String version, Instant now, String reason) {
        ModelRelease current = state.release(name).orElse(null);
        String missing = missingBundle(state, name, version);
        if (missing != null) {
            return ReleasePlan.refused(name, current, missing);
        }
        if (current != null && current.active().equals(version)) {
            return ReleasePlan.unchanged(name, current, coordinates(name, version) + " is already active");
        }
        return activation(name, current, version, now, reasonOr(reason, "release activate " + version));
    }

    /** Makes the {@code previous} version active again; the version active now becomes {@code previous}. */
    public static ReleasePlan rollback(ModelTopicState state, String name, Instant now, String reason) {
        ModelRelease current = state.release(name).orElse(null);
        if (current == null) {
            return ReleasePlan.refused(name, null, "no release for " + name + ": nothing to roll back");
        }
        if (current.previous() == null) {
            return ReleasePlan.refused(name, current, name + " has no previous version to roll back to (active: "
                    + current.active() + ")");
        }
        String missing = missingBundle(state, name, current.previous());
        if (missing != null) {
            return ReleasePlan.refused(name, current, "cannot roll back: " + missing);
        }
        return activation(name, current, current.previous(), now,
                reasonOr(reason, "release rollback to " + current.previous()));
    }

    /** Makes the canary version active and clears the canary; the version active before becomes {@code previous}. */
    public static ReleasePlan promote(ModelTopicState state, String name, Instant now, String reason) {
        ModelRelease current = state.release(name).orElse(null);
        if (current == null || current.canary() == null) {
            return ReleasePlan.refused(name, current, name + " has no canary to promote");
        }
        String version = current.canary().version();
        String missing = missingBundle(state, name, version);
        if (missing != null) {
            return ReleasePlan.refused(name, current, "cannot promote: " + missing);
        }
        return activation(name, current, version, now, reasonOr(reason, "release promote " + version));
    }

    /** Sets the shadow version, or clears it when {@code versionOrNull} is null. Needs a release. */
    public static ReleasePlan shadow(ModelTopicState state, String name, String versionOrNull, Instant now, String reason) {
        ModelRelease current = state.release(name).orElse(null);
        if (current == null) {
            return ReleasePlan.refused(name, null, noRelease(name, "shadow"));
        }
        if (versionOrNull == null) {
            if (current.shadow() == null) {
                return ReleasePlan.unchanged(name, current, name + " has no shadow to clear");
            }
            return ReleasePlan.change(name, current, new ModelRelease(current.active(), null, current.canary(),
                    current.previous(), now.toString(), reasonOr(reason, "release shadow --clear"), null),
                    name + ": shadow " + current.shadow() + " cleared");
        }
        String refusal = refuseSecondary(state, name, versionOrNull, current, "shadow");
        if (refusal != null) {
            return ReleasePlan.refused(name, current, refusal);
        }
        if (versionOrNull.equals(current.shadow())) {
            return ReleasePlan.unchanged(name, current, coordinates(name, versionOrNull) + " is already the shadow");
        }
        return ReleasePlan.change(name, current, new ModelRelease(current.active(), versionOrNull, current.canary(),
                current.previous(), now.toString(), reasonOr(reason, "release shadow " + versionOrNull), null),
                name + ": shadow " + orNone(current.shadow()) + " -> " + versionOrNull);
    }

    /**
     * Sets the canary to {@code percent} (1 to 99) of articles served by {@code versionOrNull}, or clears it when
     * that is null. Needs a release.
     */
    public static ReleasePlan canary(ModelTopicState state, String name, String versionOrNull, int percent,
                                     Instant now, String reason) {
        ModelRelease current = state.release(name).orElse(null);
        if (current == null) {
            return ReleasePlan.refused(name, null, noRelease(name, "canary"));
        }
        if (versionOrNull == null) {
            if (current.canary() == null) {
                return ReleasePlan.unchanged(name, current, name + " has no canary to clear");
            }
            return ReleasePlan.change(name, current, new ModelRelease(current.active(), current.shadow(), null,
                    current.previous(), now.toString(), reasonOr(reason, "release canary --clear"), null),
                    name + ": canary " + describe(current.canary()) + " cleared");
        }
        if (percent < 1 || percent > 99) {
            return ReleasePlan.refused(name, current, "canary percent must be between 1 and 99, got " + percent);
        }
        String refusal = refuseSecondary(state, name, versionOrNull, current, "canary");
        if (refusal != null) {
            return ReleasePlan.refused(name, current, refusal);
        }
        Canary canary = new Canary(versionOrNull, percent);
        if (canary.equals(current.canary())) {
            return ReleasePlan.unchanged(name, current, coordinates(name, versionOrNull) + " is already the canary at "
                    + percent + "%");
        }
        return ReleasePlan.change(name, current, new ModelRelease(current.active(), current.shadow(), canary,
                current.previous(), now.toString(), reasonOr(reason,
                        String.format(Locale.ROOT, "release canary %s %d", versionOrNull, percent)), null),
                name + ": canary " + (current.canary() == null ? "none" : describe(current.canary())) + " -> "
                        + describe(canary));
    }

    private static ReleasePlan activation(String name, ModelRelease current, String version, Instant now, String reason) {
        String previous = current == null ? null : current.active();
        String shadow = current == null || version.equals(current.shadow()) ? null : current.shadow();
        Canary canary = current == null || current.canary() == null || version.equals(current.canary().version())
                ? null : current.canary();
        ModelRelease next = new ModelRelease(version, shadow, canary, previous, now.toString(), reason, null);
        StringBuilder summary = new StringBuilder(name + ": active " + orNone(previous) + " -> " + version);
        if (current != null && !Objects.equals(shadow, current.shadow())) {
            summary.append(", shadow ").append(current.shadow()).append(" cleared");
        }
        if (current != null && !Objects.equals(canary, current.canary())) {
            // The canary's version now serves everything: the canary is over rather than abandoned.
            summary.append(", canary ").append(describe(current.canary())).append(" ended");
        }
        return ReleasePlan.change(name, current, next, summary.toString());
    }

    private static String refuseSecondary(ModelTopicState state, String name, String version, ModelRelease current,
                                          String role) {
        if (version.equals(current.active())) {
            return coordinates(name, version) + " is the active version; a " + role + " must be another version";
        }
        return missingBundle(state, name, version);
    }

    private static String missingBundle(ModelTopicState state, String name, String version) {
        if (state.bundle(name, version).isPresent()) {
            return null;
        }
        var versions = state.versionsOf(name);
        return "no bundle " + coordinates(name, version) + " on the topic ("
                + (versions.isEmpty() ? "it has no version of " + name : "versions of " + name + ": "
                + String.join(", ", versions)) + ")";
    }

    private static String noRelease(String name, String role) {
        return "no release for " + name + " yet: nothing is active, so there can be no " + role
                + " (activate a version first)";
    }

    private static String reasonOr(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    private static String coordinates(String name, String version) {
        return ModelTopic.bundleKey(name, version);
    }

    private static String orNone(String version) {
        return version == null ? "none" : version;
    }

    private static String describe(Canary canary) {
        return canary.version() + " at " + canary.percent() + "%";
    }
}
