package dev.newswire.tagger.stream;

import java.util.List;

/**
 * What {@code publish} does with a candidate bundle, as {@link ModelPublisher#decide} decides it: write the
 * bundle record or not (the same bytes are already there), change the release or not, or refuse it all.
 *
 * @param name          the candidate's model name
 * @param version       the candidate's version
 * @param publishBundle whether the bundle record is to be written
 * @param release       the release change, or null when only the bundle is published
 * @param refusal       why nothing is published, or null
 * @param notes         what the operator should know, e.g. that the bundle is already on the topic
 */
public record PublishDecision(String name, String version, boolean publishBundle, ReleasePlan release,
                              String refusal, List<String> notes) {

    public PublishDecision {
        notes = List.copyOf(notes);
    }

    static PublishDecision refused(String name, String version, String refusal, List<String> notes) {
        return new PublishDecision(name, version, false, null, refusal, notes);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Whether a release record is to be written. */
    public boolean changesRelease() {
        return release != null && release.changes();
    }

    /** Whether nothing at all is to be written (and nothing was refused). */
    public boolean isNoOp() {
        return !isRefused() && !publishBundle && !changesRelease();
    }
}
