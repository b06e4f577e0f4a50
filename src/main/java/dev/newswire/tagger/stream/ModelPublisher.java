package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.Ed25519Keys;
import dev.newswire.tagger.model.InvalidBundleException;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelManifest;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.Signatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes model bundles and release changes to the model topic, signed when a signing key is given. The
 * decision what to publish is a pure function, {@link #decide}; this class reads the topic, decides, and writes.
 *
 * <p>Rules of {@code publish}: the bundle must be valid; a version already on the topic with other bytes is
 * refused (with the same bytes, the bundle is not written again); {@code --activate} is refused when the
 * candidate's test accuracy is lower than the active version's on the same split (same split name and data
 * fingerprint) by more than the margin, unless forced; {@code --shadow} and {@code --canary} need a release.
 * The bundle record is written before the release record, so a release never points at a missing bundle.
 *
 * <p>Not thread-safe, like the {@link ModelTopicClient} it writes with.
 */
public final class ModelPublisher {

    private static final double EPSILON = 1e-9;

    private final ModelTopicClient client;
    private final KeyPair signingKey;
    private final Clock clock;
    private final Duration readBudget;

    /**
     * @param client          the model topic, not closed here
     * @param signingKeyOrNull the Ed25519 key pair that signs every record written, or null to write unsigned
     * @param readBudget      how long reading the whole topic may take
     */
    public ModelPublisher(ModelTopicClient client, KeyPair signingKeyOrNull, Clock clock, Duration readBudget) {
        this.client = client;
        this.signingKey = signingKeyOrNull;
        this.clock = clock;
        this.readBudget = readBudget;
    }

    /** The id of the signing key, or empty if records are written unsigned. */
    public Optional<String> signingKeyId() {
        return Optional.ofNullable(signingKey).map(k -> Ed25519Keys.keyId(k.getPublic()));
    }

    /** Reads the model topic. */
    public ModelTopicState readState() {
        return client.readAll(readBudget);
    }

    /**
     * Validates the bundle in {@code bundleFile}, reads the topic, decides and publishes what the decision says.
     *
     * @return the decision, carried out unless it is a refusal
     * @throws InvalidBundleException if the bundle is not valid (the message names the file)
     * @throws ModelTopicException    if the topic cannot be read or written
     */
    public PublishDecision publish(Path bundleFile, PublishOptions options) throws IOException {
        // Validate the very bytes that are published, not a second read of the file.
        byte[] bytes = Files.readAllBytes(bundleFile);
        ModelManifest manifest;
        try {
            manifest = ModelBundles.fromBytes(bytes).manifest();
        } catch (InvalidBundleException e) {
            throw new InvalidBundleException(bundleFile + ": " + e.getMessage(), e);
        }
        PublishDecision decision = decide(manifest, bytes, readState(), options, clock.instant());
        if (decision.isRefused()) {
            return decision;
        }
        if (decision.publishBundle()) {
            String key = ModelTopic.bundleKey(decision.name(), decision.version());
            String signature = signingKey == null ? null
                    : Signatures.signBundle(signingKey.getPrivate(), signingKey.getPublic(), key, bytes);
            client.publishBundle(decision.name(), decision.version(), bytes, signature);
        }
        if (decision.changesRelease()) {
            apply(decision.release());
        }
        return decision;
    }

    /**
     * Writes the plan's new release, signed if a signing key is given; does nothing for a plan that changes
     * nothing or is refused.
     *
     * @return the release written, or empty
     */
    public Optional<ModelRelease> apply(ReleasePlan plan) {
        if (!plan.changes() || plan.isRefused()) {
            return Optional.empty();
        }
        ModelRelease release = plan.next();
        if (signingKey != null) {
            release = release.withSignature(Signatures.signRelease(signingKey.getPrivate(), signingKey.getPublic(),
                    plan.name(), release));
        }
        client.publishRelease(plan.name(), release);
        return Optional.of(release);
    }

    /**
     * What to publish for a valid candidate bundle, given the topic's state. Pure: reads nothing, writes nothing.
     *
     * @param candidate the candidate's manifest
     * @param bytes     the candidate's bundle bytes
     * @param now       the new release's {@code updated_at}
     */
    public static PublishDecision decide(ModelManifest candidate, byte[] bytes, ModelTopicState state,
                                         PublishOptions options, Instant now) {
        String name = candidate.name();
        String version = candidate.version();
        List<String> notes = new ArrayList<>();
        Optional<StoredBundle> existing = state.bundle(name, version);
        if (existing.isPresent() && !existing.get().hasBytes(bytes)) {
            return PublishDecision.refused(name, version, String.format(Locale.ROOT,
                    "%s is already on the topic with different bytes (%d bytes there, %d bytes here): a published "
                            + "version never changes; publish this bundle under a new version", existing.get().key(),
                    existing.get().size(), bytes.length), notes);
        }
        if (existing.isPresent()) {
            notes.add(existing.get().key() + " is already on the topic with the same bytes: not written again");
        }
        ModelTopicState after = existing.isPresent() ? state : state.withBundle(StoredBundle.candidate(name, version, bytes));
        ReleasePlan plan;
        switch (options.target()) {
            case BUNDLE_ONLY -> plan = null;
            case ACTIVATE -> {
                String refusal = accuracyRefusal(candidate, state, options, notes);
                if (refusal != null) {
                    return PublishDecision.refused(name, version, refusal, notes);
                }
                plan = ReleaseChanges.activate(after, name, version, now, reasonOr(options, "publish --activate"));
            }
            case SHADOW -> plan = ReleaseChanges.shadow(after, name, version, now, reasonOr(options, "publish --shadow"));
            case CANARY -> plan = ReleaseChanges.canary(after, name, version, options.canaryPercent(), now,
                    reasonOr(options, "publish --canary " + options.canaryPercent()));
            default -> throw new IllegalStateException("unknown target " + options.target());
        }
        if (plan != null && plan.isRefused()) {
            return PublishDecision.refused(name, version, plan.refusal(), notes);
        }
        return new PublishDecision(name, version, existing.isEmpty(), plan, null, notes);
    }

    /** Why activating {@code candidate} is refused on accuracy, or null (adding a note on what was compared). */
    private static String accuracyRefusal(ModelManifest candidate, ModelTopicState state, PublishOptions options,
                                          List<String> notes) {
        Optional<ModelRelease> release = state.release(candidate.name());
        if (release.isEmpty() || release.get().active().equals(candidate.version())) {
            return null;
        }
        String active = release.get().active();
        Optional<ModelManifest> activeManifest = manifestOf(state, candidate.name(), active, notes);
        if (activeManifest.isEmpty()) {
            return null;
        }
        ModelManifest current = activeManifest.get();
        if (!current.data().split().equals(candidate.data().split())
                || !current.data().fingerprint().equals(candidate.data().fingerprint())) {
            notes.add(String.format(Locale.ROOT, "test accuracy not compared: the active version %s was tested on "
                    + "another split (%s, fingerprint %.12s) than %s (%s, fingerprint %.12s)", active,
                    current.data().split(), current.data().fingerprint(), candidate.version(),
                    candidate.data().split(), candidate.data().fingerprint()));
            return null;
        }
        Double was = current.testMetrics().get("accuracy");
        Double is = candidate.testMetrics().get("accuracy");
        if (was == null || is == null) {
            notes.add("test accuracy not compared: " + (is == null ? candidate.version() : active)
                    + " records no test accuracy");
            return null;
        }
        String comparison = String.format(Locale.ROOT, "test accuracy %.4f vs %.4f of the active version %s on split %s",
                is, was, active, candidate.data().split());
        if (was - is <= options.margin() + EPSILON) {
            notes.add(comparison);
            return null;
        }
        String drop = String.format(Locale.ROOT, "%s: %.4f lower, more than the margin %.4f", comparison, was - is,
                options.margin());
        if (options.force()) {
            notes.add(drop + "; activating anyway (--force)");
            return null;
        }
        return "refusing to activate " + candidate.coordinates() + ": " + drop + " (pass --force to activate anyway)";
    }

    private static Optional<ModelManifest> manifestOf(ModelTopicState state, String name, String version,
                                                      List<String> notes) {
        Optional<StoredBundle> bundle = state.bundle(name, version);
        if (bundle.isEmpty()) {
            notes.add("test accuracy not compared: the active version " + version + " has no bundle on the topic");
            return Optional.empty();
        }
        try {
            return Optional.of(ModelBundles.readManifest(bundle.get().bytes()));
        } catch (InvalidBundleException e) {
            notes.add("test accuracy not compared: the active version's bundle is unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String reasonOr(PublishOptions options, String fallback) {
        return options.reason() == null || options.reason().isBlank() ? fallback : options.reason();
    }
}
