package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.InferenceEngine;
import dev.newswire.tagger.model.InvalidBundleException;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.Prediction;
import dev.newswire.tagger.model.TopicClassifier;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models an instance knows and the ones serving now, fed by every record of the model topic (see
 * {@link ModelTopic}) through the global store processor, so that every instance sees every record.
 *
 * <p>Each bundle is checked (signature, checksums, dimensions, weights), decoded and warmed once, on the global
 * thread, off the per-record path. A release switches serving only when every version it names has been
 * accepted; then a whole new {@link ServingModels} snapshot is published at once. Anything refused leaves the
 * serving models as they are; there is always one (the fallback, until a release applies).
 *
 * <p>Thread-safety: records are applied by one thread at a time (synchronized); {@link #current()} is a volatile
 * read and may be called from any stream thread.
 */
public final class ModelRegistry implements ModelSource {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final List<String> WARM_UP_TEXTS = List.of(
            "the company said net profit rose in the first quarter",
            "oil prices fell as opec output increased",
            "wheat and corn exports were higher this year");

    private final String modelName;
    private final SignaturePolicy signatures;
    private final ModelEventSink events;
    private final String instance;
    private final Clock clock;
    private final Map<String, ModelBundle> accepted = new HashMap<>();
    private final Map<String, String> acceptedChecksums = new HashMap<>();
    private ModelRelease release;
    private volatile ServingModels serving;

    private final AtomicLong bundlesAccepted = new AtomicLong();
    private final AtomicLong bundlesRefused = new AtomicLong();
    private final AtomicLong releasesRefused = new AtomicLong();
    private final AtomicLong switches = new AtomicLong();

    /**
     * @param modelName the release name this instance follows
     * @param fallback  serves until a release of {@code modelName} applies (the embedded model)
     * @param instance  how events name this instance
     */
    public ModelRegistry(String modelName, ModelBundle fallback, SignaturePolicy signatures, ModelEventSink events,
                         String instance, Clock clock) {
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.signatures = signatures;
        this.events = events;
        this.instance = instance;
        this.clock = clock;
        this.serving = ServingModels.only(fallback);
        if (!signatures.enforcing()) {
            LOG.warn("No trusted model-signing keys configured: every bundle and release on the model topic is accepted unsigned");
        }
    }

    @Override
    public ServingModels current() {
        return serving;
    }

    /** The release name this registry follows. */
    public String modelName() {
        return modelName;
    }

    /** The release last applied, if any. */
    public synchronized Optional<ModelRelease> release() {
        return Optional.ofNullable(release);
    }

    /** Applies one model-topic record. Never throws on bad content: it is refused with an event instead. */
    public synchronized void apply(String key, byte[] value, String signature, long offset) {
        if (key == null) {
            event("ignored", null, null, "record without key", offset);
            return;
        }
        Optional<ModelTopic.BundleKey> bundleKey = ModelTopic.parseBundleKey(key);
        if (bundleKey.isPresent()) {
            if (bundleKey.get().name().equals(modelName)) {
                applyBundle(key, bundleKey.get().version(), value, signature, offset);
            }
        } else if (key.equals(modelName)) {
            applyRelease(key, value, offset);
        }
    }

    private void applyBundle(String key, String version, byte[] value, String signature, long offset) {
        if (value == null) {
            accepted.remove(version);
            acceptedChecksums.remove(version);
            boolean inUse = isServing(version);
            event("ignored", key, version, inUse
                    ? "bundle tombstone for a serving version: the loaded model keeps serving until a release moves away from it"
                    : "bundle tombstone: version forgotten", offset);
            return;
        }
        String checksum = ModelBundles.sha256(value);
        if (checksum.equals(acceptedChecksums.get(version))) {
            return; // the same bytes again (restore, or a re-publish): nothing to do
        }
        String untrusted = signatures.checkBundle(key, value, signature);
        if (untrusted != null) {
            refuseBundle(key, version, "signature: " + untrusted, offset);
            return;
        }
        ModelBundle bundle;
        try {
            bundle = ModelBundles.fromBytes(value);
        } catch (InvalidBundleException e) {
            refuseBundle(key, version, e.getMessage(), offset);
            return;
        } catch (RuntimeException e) {
            refuseBundle(key, version, "unreadable bundle: " + e, offset);
            return;
        }
        if (!bundle.name().equals(modelName) || !bundle.version().equals(version)) {
            refuseBundle(key, version, "the manifest says " + bundle.manifest().coordinates() + ", not " + key, offset);
            return;
        }
        String warmUp = warmUp(bundle);
        if (warmUp != null) {
            refuseBundle(key, version, "warm-up failed: " + warmUp, offset);
            return;
        }
        accepted.put(version, bundle);
        acceptedChecksums.put(version, checksum);
        bundlesAccepted.incrementAndGet();
        event("accepted", key, version, "model id " + bundle.id(), offset);
        if (release != null) {
            tryServe(release, offset);
        }
    }

    private void refuseBundle(String key, String version, String reason, long offset) {
        bundlesRefused.incrementAndGet();
        LOG.error("Refused model bundle {} at model-topic offset {}: {}; serving stays {}", key, offset, reason, describe(serving));
        event("refused", key, version, reason, offset);
    }

    private void applyRelease(String key, byte[] value, long offset) {
        if (value == null) {
            event("ignored", key, null, "release tombstone: keeping the current release " + describe(serving), offset);
            return;
        }
        ModelRelease candidate;
        try {
            candidate = ModelRelease.fromJson(value);
        } catch (IllegalArgumentException e) {
            refuseRelease(key, "invalid release record: " + e.getMessage(), offset);
            return;
        }
        String untrusted = signatures.checkRelease(key, candidate);
        if (untrusted != null) {
            refuseRelease(key, "signature: " + untrusted, offset);
            return;
        }
        release = candidate;
        tryServe(candidate, offset);
    }

    private void refuseRelease(String key, String reason, long offset) {
        releasesRefused.incrementAndGet();
        LOG.error("Refused release record {} at model-topic offset {}: {}; serving stays {}", key, offset, reason, describe(serving));
        event("refused", key, null, reason, offset);
    }

    /** Serves {@code r} if every version it names is accepted; otherwise it waits for the missing bundles. */
    private void tryServe(ModelRelease r, long offset) {
        ModelBundle active = accepted.get(r.active());
        ModelBundle shadow = r.shadow() == null ? null : accepted.get(r.shadow());
        ModelBundle canary = r.canary() == null ? null : accepted.get(r.canary().version());
        String missing = active == null ? r.active()
                : r.shadow() != null && shadow == null ? r.shadow()
                : r.canary() != null && canary == null ? r.canary().version() : null;
        if (missing != null) {
            event("waiting", modelName, missing, "the release names version " + missing
                    + ", which is not (or not validly) on the model topic; serving stays " + describe(serving), offset);
            return;
        }
        ServingModels next = new ServingModels(active, shadow, canary, r.canary() == null ? 0 : r.canary().percent());
        if (sameModels(next, serving)) {
            return;
        }
        serving = next;
        switches.incrementAndGet();
        LOG.info("Now serving {} (release updated {}, reason: {})", describe(next), r.updatedAt(), r.reason());
        event("activated", modelName, r.active(), describe(next), offset);
    }

    private boolean isServing(String version) {
        ServingModels s = serving;
        return s.active().version().equals(version) && s.active().name().equals(modelName)
                || s.shadow() != null && s.shadow().version().equals(version)
                || s.canary() != null && s.canary().version().equals(version);
    }

    private static boolean sameModels(ServingModels a, ServingModels b) {
        return a.active() == b.active() && a.shadow() == b.shadow() && a.canary() == b.canary()
                && a.canaryPercent() == b.canaryPercent();
    }

    /**
     * Classifies a few texts with each {@link InferenceEngine} (whichever is configured serves right after);
     * null if the scores are sound, else what is wrong.
     */
    static String warmUp(ModelBundle bundle) {
        for (InferenceEngine engine : InferenceEngine.values()) {
            TopicClassifier classifier = bundle.newTopicClassifier(1, engine);
            for (String text : WARM_UP_TEXTS) {
                String words = text + " " + String.join(" ", bundle.vectorizer().vocabulary().words().subList(0,
                        Math.min(20, bundle.vectorizer().vocabulary().size())));
                try {
                    Prediction p = classifier.classify(words);
                    if (p.abstained() || !Double.isFinite(p.confidence())) {
                        return "no sound score for a warm-up text (" + engine.id() + " engine)";
                    }
                } catch (RuntimeException e) {
                    return engine.id() + " engine: " + e;
                }
            }
        }
        return null;
    }

    static String describe(ServingModels s) {
        StringBuilder sb = new StringBuilder(s.active().manifest().coordinates()).append(" (id ").append(s.active().id()).append(')');
        if (s.shadow() != null) {
            sb.append(", shadow ").append(s.shadow().version());
        }
        if (s.canary() != null) {
            sb.append(", canary ").append(s.canary().version()).append(" at ").append(s.canaryPercent()).append('%');
        }
        return sb.toString();
    }

    private void event(String type, String key, String version, String reason, long offset) {
        try {
            events.publish(new ModelEvent(type, key, version, reason, instance, offset, clock.instant().toString()));
        } catch (RuntimeException e) {
            LOG.warn("Could not publish model event {} for {}: {}", type, key, e.toString());
        }
    }

    /** Bundles accepted so far. */
    public long bundlesAccepted() {
        return bundlesAccepted.get();
    }

    /** Bundles refused so far. */
    public long bundlesRefused() {
        return bundlesRefused.get();
    }

    /** Release records refused so far. */
    public long releasesRefused() {
        return releasesRefused.get();
    }

    /** How often the serving models changed. */
    public long switches() {
        return switches.get();
    }
}
