package dev.newswire.tagger.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.model.FixtureModels;
import dev.newswire.tagger.model.ModelRelease;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelListingTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void shouldListEveryBundleWithItsManifestSignatureAndReleasePointers() {
        Map<String, StoredBundle> bundles = new LinkedHashMap<>();
        bundles.put("news@1", new StoredBundle("news", "1", FixtureModels.bundleBytes("news", "1", 0.9),
                "0123456789abcdef:" + "A".repeat(86) + "==", 0, NOW));
        bundles.put("news@2", new StoredBundle("news", "2", FixtureModels.bundleBytes("news", "2", 0.8), null, 1, NOW));
        bundles.put("news@3", new StoredBundle("news", "3", new byte[] {1, 2, 3}, "junk", 2, NOW));
        ModelRelease release = new ModelRelease("2", null, new ModelRelease.Canary("3", 5), "1", NOW.toString(), "", null);

        List<ModelListing> rows = ModelListing.of(new ModelTopicState(bundles, Map.of("news", release)));

        assertThat(rows).extracting(ModelListing::version).containsExactly("1", "2", "3");
        assertThat(rows.get(0)).extracting(ModelListing::accuracy, ModelListing::split, ModelListing::signed,
                ModelListing::keyId, ModelListing::markers).containsExactly(0.9, "fixture", true, "0123456789abcdef",
                List.of("previous"));
        assertThat(rows.get(1).markers()).containsExactly("active");
        assertThat(rows.get(1).signed()).isFalse();
        assertThat(rows.get(2).problem()).isNotNull();
        assertThat(rows.get(2).keyId()).isNull();
        assertThat(rows.get(2).signed()).isTrue();
        assertThat(rows.get(2).markers()).containsExactly("canary 5%");
    }
}
