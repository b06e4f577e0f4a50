package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelRelease;

/**
 * A planned change of one model's release record, as {@link ReleaseChanges} decides it: a new release to
 * publish, nothing to do (the release already says so), or a refusal. Immutable.
 *
 * @param current the release before the change, or null if the model has none
 * @param next    the release to publish, or null if nothing is to be published
 * @param refusal why the change is refused, or null
 * @param summary one line for the operator: what changes, or why nothing does
 */
public record ReleasePlan(String name, ModelRelease current, ModelRelease next, String refusal, String summary) {

    static ReleasePlan change(String name, ModelRelease current, ModelRelease next, String summary) {
        return new ReleasePlan(name, current, next, null, summary);
    }

    static ReleasePlan unchanged(String name, ModelRelease current, String summary) {
        return new ReleasePlan(name, current, null, null, summary);
    }

    static ReleasePlan refused(String name, ModelRelease current, String refusal) {
        return new ReleasePlan(name, current, null, refusal, refusal);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Whether a new release record is to be published. */
    public boolean changes() {
        return next != null;
    }
}
