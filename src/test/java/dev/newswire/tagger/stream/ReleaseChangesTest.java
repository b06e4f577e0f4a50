package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.ModelRelease.Canary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseChangesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String THEN = "2026-12-01T00:00:00Z";

    /** A topic with bundles news@1..3 (any bytes: release changes never read them) and the given release. */
    private static ModelTopicState topic(ModelRelease release) {
        Map<String, StoredBundle> bundles = new LinkedHashMap<>();
        for (String v : new String[] {"1", "2", "3"}) {
            bundles.put("news@" + v, new StoredBundle("news", v, new byte[] {1}, null, bundles.size(), NOW));
        }
        return new ModelTopicState(bundles, release == null ? Map.of() : Map.of("news", release));
    }

    @Test
    void shouldActivateTheFirstVersionWithoutARelease() {
        ReleasePlan plan = ReleaseChanges.activate(topic(null), "news", "1", NOW, null);

        assertThat(plan.next()).isEqualTo(new ModelRelease("1", null, null, null, NOW.toString(), "release activate 1", null));
        assertThat(plan.summary()).isEqualTo("news: active none -> 1");
    }

    @Test
    void shouldRefuseAVersionWithoutBundleListingTheVersionsThereAre() {
        ReleasePlan plan = ReleaseChanges.activate(topic(null), "news", "9", NOW, null);

        assertThat(plan.isRefused()).isTrue();
        assertThat(plan.refusal()).isEqualTo("no bundle news@9 on the topic (versions of news: 1, 2, 3)");
        assertThat(ReleaseChanges.activate(topic(null), "other", "1", NOW, null).refusal())
                .contains("it has no version of other");
    }

    @Test
    void shouldRollBackToThePreviousVersionKeepingTheRolledBackOneAsPrevious() {
        ModelRelease release = new ModelRelease("2", "3", null, "1", THEN, "", null);

        ReleasePlan plan = ReleaseChanges.rollback(topic(release), "news", NOW, "bad numbers");

        assertThat(plan.next()).isEqualTo(new ModelRelease("1", "3", null, "2", NOW.toString(), "bad numbers", null));
    }

    @Test
    void shouldRefuseARollbackWithoutPreviousVersion() {
        ModelRelease release = new ModelRelease("2", null, null, null, THEN, "", null);

        assertThat(ReleaseChanges.rollback(topic(release), "news", NOW, null).refusal())
                .isEqualTo("news has no previous version to roll back to (active: 2)");
        assertThat(ReleaseChanges.rollback(topic(null), "news", NOW, null).refusal()).contains("no release for news");
    }

    @Test
    void shouldPromoteTheCanaryAndClearIt() {
        ModelRelease release = new ModelRelease("1", "2", new Canary("3", 10), null, THEN, "", null);

        ReleasePlan plan = ReleaseChanges.promote(topic(release), "news", NOW, null);

        assertThat(plan.next()).isEqualTo(new ModelRelease("3", "2", null, "1", NOW.toString(), "release promote 3", null));
        assertThat(ReleaseChanges.promote(topic(new ModelRelease("1", null, null, null, THEN, "", null)), "news", NOW, null)
                .refusal()).isEqualTo("news has no canary to promote");
    }

    @Test
    void shouldSetAndClearTheShadow() {
        ModelRelease release = new ModelRelease("1", null, new Canary("3", 10), null, THEN, "", null);

        ReleasePlan set = ReleaseChanges.shadow(topic(release), "news", "2", NOW, null);
        ReleasePlan clear = ReleaseChanges.shadow(topic(set.next()), "news", null, NOW, null);

        assertThat(set.next()).isEqualTo(new ModelRelease("1", "2", new Canary("3", 10), null, NOW.toString(),
                "release shadow 2", null));
        assertThat(clear.next().shadow()).isNull();
        assertThat(clear.next().canary()).isEqualTo(new Canary("3", 10));
        assertThat(ReleaseChanges.shadow(topic(release), "news", null, NOW, null).changes()).isFalse();
        assertThat(ReleaseChanges.shadow(topic(set.next()), "news", "2", NOW, null).summary()).contains("already the shadow");
    }

    @Test
    void shouldSetChangeAndClearTheCanary() {
        ModelRelease release = new ModelRelease("1", null, null, null, THEN, "", null);

        ReleasePlan set = ReleaseChanges.canary(topic(release), "news", "2", 10, NOW, null);
        ReleasePlan wider = ReleaseChanges.canary(topic(set.next()), "news", "2", 50, NOW, null);
        ReleasePlan clear = ReleaseChanges.canary(topic(wider.next()), "news", null, 0, NOW, null);

        assertThat(set.next().canary()).isEqualTo(new Canary("2", 10));
        assertThat(wider.summary()).isEqualTo("news: canary 2 at 10% -> 2 at 50%");
        assertThat(clear.next().canary()).isNull();
        assertThat(ReleaseChanges.canary(topic(release), "news", "2", 0, NOW, null).refusal()).contains("between 1 and 99");
        assertThat(ReleaseChanges.canary(topic(release), "news", "1", 10, NOW, null).refusal())
                .contains("news@1 is the active version");
        assertThat(ReleaseChanges.canary(topic(null), "news", "2", 10, NOW, null).refusal()).contains("nothing is active");
    }

    @Test
    void shouldChangeNothingWhenTheVersionIsAlreadyActive() {
        ModelRelease release = new ModelRelease("1", null, null, null, THEN, "", null);

        ReleasePlan plan = ReleaseChanges.activate(topic(release), "news", "1", NOW, null);

        assertThat(plan.changes()).isFalse();
        assertThat(plan.isRefused()).isFalse();
        assertThat(plan.summary()).isEqualTo("news@1 is already active");
    }
}
