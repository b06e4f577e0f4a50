package dev.newswire.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final LabeledDocument A = new LabeledDocument("1", "widgets up", "earn");
    private static final LabeledDocument B = new LabeledDocument("2", "acme buys beta", "acq");

    private static Dataset dataset(List<LabeledDocument> train, List<LabeledDocument> test) {
        return new Dataset("tiny", List.of("earn", "acq"), train, test);
    }

    @Test
    void shouldIndexLabelsByPosition() {
        Dataset dataset = dataset(List.of(A), List.of(B));

        assertThat(dataset.labelIndex("earn")).isZero();
        assertThat(dataset.labelIndex("acq")).isEqualTo(1);
        assertThatThrownBy(() -> dataset.labelIndex("grain")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grain").hasMessageContaining("tiny");
    }

    @Test
    void shouldRejectDocumentWhoseLabelIsNotInLabels() {
        LabeledDocument stray = new LabeledDocument("3", "text", "grain");

        assertThatThrownBy(() -> dataset(List.of(A), List.of(stray))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test document 3").hasMessageContaining("grain");
    }

    @Test
    void shouldRejectDuplicateLabelsAndBlankName() {
        assertThatThrownBy(() -> new Dataset("d", List.of("earn", "earn"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new Dataset(" ", List.of("earn"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCopyListsImmutably() {
        List<LabeledDocument> train = new ArrayList<>(List.of(A));
        Dataset dataset = dataset(train, List.of());
        train.add(B);

        assertThat(dataset.train()).containsExactly(A);
        assertThatThrownBy(() -> dataset.train().add(B)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dataset.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldValidateLabeledDocuments() {
        assertThatThrownBy(() -> new LabeledDocument(null, "t", "l")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LabeledDocument("1", null, "l")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LabeledDocument("1", "t", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LabeledDocument("1", "", "l").text()).isEmpty();
    }

    @Test
    void shouldGiveEqualDatasetsTheSameFingerprint() {
        String fingerprint = dataset(List.of(A), List.of(B)).fingerprint();

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(dataset(List.of(A), List.of(B)).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void shouldChangeFingerprintWhenAnythingTheModelSeesChanges() {
        String fingerprint = dataset(List.of(A), List.of(B)).fingerprint();

        assertThat(List.of(
                new Dataset("tiny2", List.of("earn", "acq"), List.of(A), List.of(B)).fingerprint(),
                new Dataset("tiny", List.of("acq", "earn"), List.of(A), List.of(B)).fingerprint(),
                dataset(List.of(B), List.of(A)).fingerprint(),
                dataset(List.of(A, B), List.of()).fingerprint(),
                dataset(List.of(new LabeledDocument("1", "widgets up!", "earn")), List.of(B)).fingerprint(),
                dataset(List.of(new LabeledDocument("9", "widgets up", "earn")), List.of(B)).fingerprint(),
                dataset(List.of(new LabeledDocument("1", "widgets up", "acq")), List.of(B)).fingerprint()))
                .doesNotContain(fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void shouldNotConfuseFieldBoundariesInFingerprint() {
        LabeledDocument left = new LabeledDocument("1", "ab", "earn");
        LabeledDocument right = new LabeledDocument("1a", "b", "earn");

        assertThat(dataset(List.of(left), List.of()).fingerprint())
                .isNotEqualTo(dataset(List.of(right), List.of()).fingerprint());
    }

    @Test
    void shouldPinFingerprintEncoding() {
        // SHA-256 of: int 4 "tiny", int 2, int 4 "earn", int 3 "acq", int 1, ("1","earn","widgets up"), int 1, ("2","acq","acme buys beta").
        assertThat(dataset(List.of(A), List.of(B)).fingerprint()).isEqualTo(expectedTinyFingerprint());
    }

    private static String expectedTinyFingerprint() {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            var out = new java.io.DataOutputStream(bytes);
            for (Object part : List.of("tiny", 2, "earn", "acq", 1, "1", "earn", "widgets up", 1, "2", "acq", "acme buys beta")) {
                if (part instanceof Integer count) {
                    out.writeInt(count);
                } else {
                    byte[] utf8 = ((String) part).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
