package dev.newswire.tagger.stream;

/**
 * What {@code publish} does besides writing the bundle record.
 *
 * @param target        whether the new version also becomes active, the shadow or the canary
 * @param canaryPercent share of articles for {@link Target#CANARY}, 1 to 99; ignored otherwise
 * @param force         activate even if the test accuracy is lower than the active version's
 * @param margin        how much lower the test accuracy may be (absolute, e.g. 0.01) before activation is refused
 * @param reason        the release's reason, or null for a default naming the operation
 */
public record PublishOptions(Target target, int canaryPercent, boolean force, double margin, String reason) {

    /** Which release pointer the new version is set as. */
    public enum Target { BUNDLE_ONLY, ACTIVATE, SHADOW, CANARY }

    /** The default margin, 0.01. */
    public static final double DEFAULT_MARGIN = 0.01;

    public PublishOptions {
        if (target == null) {
            throw new IllegalArgumentException("target is required");
        }
        if (target == Target.CANARY && (canaryPercent < 1 || canaryPercent > 99)) {
            throw new IllegalArgumentException("canary percent must be between 1 and 99, got " + canaryPercent);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be between 0 and 1, got " + margin);
        }
    }

    /** Publish the bundle only, change no release. */
    public static PublishOptions bundleOnly() {
        return new PublishOptions(Target.BUNDLE_ONLY, 0, false, DEFAULT_MARGIN, null);
    }
}
