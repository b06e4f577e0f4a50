package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.tagger.model.DataProvenance;
import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelBundles;
import dev.newswire.tagger.model.ModelManifest;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.stream.PublishOptions.Target;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelPublisherTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final byte[] V1 = FixtureModels.bundleBytes("news", "1", 0.90);
    private static final byte[] V2_WORSE = FixtureModels.bundleBytes("news", "2", 0.85);
    private static final byte[] V2_SLIGHTLY_WORSE = FixtureModels.bundleBytes("news", "2", 0.895);
    private static final byte[] V2_BETTER = FixtureModels.bundleBytes("news", "2", 0.95);

    private static ModelTopicState state(ModelRelease release, byte[]... bundles) {
        Map<String, StoredBundle> byKey = new LinkedHashMap<>();
        long offset = 0;
        for (byte[] bytes : bundles) {
            ModelManifest m = ModelBundles.readManifest(bytes);
            byKey.put(m.coordinates(), new StoredBundle(m.name(), m.version(), bytes, null, offset++, NOW));
        }
        return new ModelTopicState(byKey, release == null ? Map.of() : Map.of("news", release));
    }

    private static ModelRelease active(String version) {
        return new ModelRelease(version, null, null, null, "2026-12-01T00:00:00Z", "", null);
    }

    private static PublishDecision decide(byte[] bytes, ModelTopicState state, PublishOptions options) {
        return ModelPublisher.decide(ModelBundles.readManifest(bytes), bytes, state, options, NOW);
    }

    private static PublishOptions activate(boolean force) {
        return new PublishOptions(Target.ACTIVATE, 0, force, PublishOptions.DEFAULT_MARGIN, null);
    }

    @Test
    void shouldPublishTheBundleAndTheFirstReleaseOnAnEmptyTopic() {
        PublishDecision d = decide(V1, ModelTopicState.empty(), activate(false));

        assertThat(d.isRefused()).isFalse();
        assertThat(d.publishBundle()).isTrue();
        assertThat(d.release().next()).isEqualTo(new ModelRelease("1", null, null, null, NOW.toString(),
                "publish --activate", null));
    }

    @Test
    void shouldOnlyPublishTheBundleWithoutATarget() {
        PublishDecision d = decide(V2_WORSE, state(active("1"), V1), PublishOptions.bundleOnly());

        assertThat(d.publishBundle()).isTrue();
        assertThat(d.release()).isNull();
        assertThat(d.changesRelease()).isFalse();
    }

    @Test
    void shouldDoNothingWhenTheSameBytesAreAlreadyPublishedAndActive() {
        PublishDecision d = decide(V1, state(active("1"), V1), activate(false));

        assertThat(d.isNoOp()).isTrue();
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("news@1 is already on the topic with the same bytes"));
        assertThat(d.release().summary()).contains("already active");
    }

    @Test
    void shouldActivateAVersionWhoseSameBytesAreAlreadyOnTheTopicWithoutWritingThemAgain() {
        PublishDecision d = decide(V2_BETTER, state(active("1"), V1, V2_BETTER), activate(false));

        assertThat(d.publishBundle()).isFalse();
        assertThat(d.release().next().active()).isEqualTo("2");
        assertThat(d.release().next().previous()).isEqualTo("1");
    }

    @Test
    void shouldRefuseOtherBytesUnderAPublishedVersion() {
        PublishDecision d = decide(V2_BETTER, state(active("1"), V1, V2_WORSE), PublishOptions.bundleOnly());

        assertThat(d.isRefused()).isTrue();
        assertThat(d.refusal()).contains("news@2 is already on the topic with different bytes").contains("new version");
        assertThat(d.publishBundle()).isFalse();
    }

    @Test
    void shouldRefuseToActivateALowerAccuracyBeyondTheMargin() {
        PublishDecision d = decide(V2_WORSE, state(active("1"), V1), activate(false));

        assertThat(d.isRefused()).isTrue();
        assertThat(d.publishBundle()).isFalse();
        assertThat(d.refusal()).contains("refusing to activate news@2").contains("0.8500").contains("0.9000")
                .contains("active version 1").contains("--force");
    }

    @Test
    void shouldActivateALowerAccuracyWithForceAndSaySo() {
        PublishDecision d = decide(V2_WORSE, state(active("1"), V1), activate(true));

        assertThat(d.isRefused()).isFalse();
        assertThat(d.release().next().active()).isEqualTo("2");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("activating anyway (--force)"));
    }

    @Test
    void shouldActivateALowerAccuracyWithinTheMargin() {
        PublishDecision d = decide(V2_SLIGHTLY_WORSE, state(active("1"), V1), activate(false));

        assertThat(d.isRefused()).isFalse();
        assertThat(d.release().next().active()).isEqualTo("2");
        PublishOptions strict = new PublishOptions(Target.ACTIVATE, 0, false, 0.001, null);
        assertThat(decide(V2_SLIGHTLY_WORSE, state(active("1"), V1), strict).isRefused()).isTrue();
    }

    @Test
    void shouldNotCompareAccuraciesOnDifferentSplits() {
        ModelManifest m = ModelBundles.readManifest(V2_WORSE);
        ModelManifest otherSplit = new ModelManifest(m.formatVersion(), m.name(), m.version(), m.createdAt(), m.labels(),
                m.vocabularySize(), m.vocabularySha256(), m.featureWeighting(), m.features(), m.network(), m.training(),
                new DataProvenance("fixture", "own", "1".repeat(64), 9, 0, 0), m.testMetrics());

        PublishDecision d = ModelPublisher.decide(otherSplit, V2_WORSE, state(active("1"), V1), activate(false), NOW);

        assertThat(d.isRefused()).isFalse();
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("not compared").contains("another split"));
    }

    @Test
    void shouldClearAShadowOrCanaryThatPointedAtTheActivatedVersion() {
        ModelRelease release = new ModelRelease("1", "2", new ModelRelease.Canary("2", 10), "0",
                "2026-12-01T00:00:00Z", "", null);

        PublishDecision d = decide(V2_BETTER, state(release, V1, V2_BETTER), activate(false));

        assertThat(d.release().next()).isEqualTo(new ModelRelease("2", null, null, "1", NOW.toString(),
                "publish --activate", null));
        assertThat(d.release().summary()).contains("active 1 -> 2").contains("shadow 2 cleared").contains("canary 2 at 10% ended");
    }

    @Test
    void shouldSetTheShadowOrCanaryKeepingTheActiveVersion() {
        PublishOptions shadow = new PublishOptions(Target.SHADOW, 0, false, 0.01, "try it");
        PublishOptions canary = new PublishOptions(Target.CANARY, 25, false, 0.01, null);

        PublishDecision s = decide(V2_WORSE, state(active("1"), V1), shadow);
        PublishDecision c = decide(V2_WORSE, state(active("1"), V1), canary);

        assertThat(s.release().next()).isEqualTo(new ModelRelease("1", "2", null, null, NOW.toString(), "try it", null));
        assertThat(c.release().next()).isEqualTo(new ModelRelease("1", null, new ModelRelease.Canary("2", 25), null,
                NOW.toString(), "publish --canary 25", null));
        assertThat(s.publishBundle()).isTrue();
    }

    @Test
    void shouldRefuseShadowAndCanaryWhenNothingIsActive() {
        PublishDecision s = decide(V1, ModelTopicState.empty(), new PublishOptions(Target.SHADOW, 0, false, 0.01, null));
        PublishDecision c = decide(V1, ModelTopicState.empty(), new PublishOptions(Target.CANARY, 5, false, 0.01, null));

        assertThat(s.isRefused()).isTrue();
        assertThat(s.publishBundle()).isFalse();
        assertThat(s.refusal()).contains("no release for news").contains("nothing is active");
        assertThat(c.refusal()).contains("nothing is active");
    }

    @Test
    void shouldRefuseToShadowTheActiveVersion() {
        PublishDecision d = decide(V1, state(active("1"), V1), new PublishOptions(Target.SHADOW, 0, false, 0.01, null));

        assertThat(d.refusal()).contains("news@1 is the active version");
    }

    @Test
    void shouldRefuseBadOptions() {
        assertThatThrownBy(() -> new PublishOptions(Target.CANARY, 100, false, 0.01, null))
                .hasMessageContaining("between 1 and 99");
        assertThatThrownBy(() -> new PublishOptions(Target.ACTIVATE, 0, false, -0.5, null))
                .hasMessageContaining("margin");
    }
}
