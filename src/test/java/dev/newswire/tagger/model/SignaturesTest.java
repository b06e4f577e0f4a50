package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturesTest {

    private static final KeyPair KEYS = Ed25519Keys.generate();
    private static final KeyPair OTHER = Ed25519Keys.generate();
    private static final String ID = Ed25519Keys.keyId(KEYS.getPublic());
    private static final Map<String, PublicKey> TRUSTED = Map.of(ID, KEYS.getPublic());
    private static final byte[] BYTES = {1, 2, 3, 4, 5};
    private static final ModelRelease RELEASE = new ModelRelease("2", "3", new ModelRelease.Canary("4", 10), "1",
            "2026-12-03T10:00:00Z", "publish --activate", null);

    @Test
    void shouldVerifyASignedBundle() {
        String signature = Signatures.signBundle(KEYS.getPrivate(), KEYS.getPublic(), "news@1", BYTES);

        assertThat(signature).startsWith(ID + ":");
        assertThat(Signatures.verifyBundle(TRUSTED, "news@1", BYTES, signature))
                .isEqualTo(new Signatures.Verdict(true, "signed by trusted key " + ID));
    }

    @Test
    void shouldRefuseABundleWhoseBytesOrKeyChanged() {
        String signature = Signatures.signBundle(KEYS.getPrivate(), KEYS.getPublic(), "news@1", BYTES);

        assertThat(Signatures.verifyBundle(TRUSTED, "news@1", new byte[] {1, 2, 3, 4, 6}, signature))
                .isEqualTo(new Signatures.Verdict(false, "bad signature"));
        assertThat(Signatures.verifyBundle(TRUSTED, "news@2", BYTES, signature).reason()).isEqualTo("bad signature");
        assertThat(Signatures.verifyBundle(TRUSTED, "other@1", BYTES, signature).reason()).isEqualTo("bad signature");
    }

    @Test
    void shouldVerifyASignedReleaseAndRefuseAnyChangeToIt() {
        ModelRelease signed = RELEASE.withSignature(
                Signatures.signRelease(KEYS.getPrivate(), KEYS.getPublic(), "news", RELEASE));

        assertThat(Signatures.verifyRelease(TRUSTED, "news", signed).ok()).isTrue();
        assertThat(Signatures.verifyRelease(TRUSTED, "other", signed).reason()).isEqualTo("bad signature");
        List<ModelRelease> tampered = List.of(
                new ModelRelease("3", null, null, "1", signed.updatedAt(), signed.reason(), signed.signature()),
                new ModelRelease("2", "3", new ModelRelease.Canary("4", 50), "1", signed.updatedAt(), signed.reason(),
                        signed.signature()),
                new ModelRelease("2", "3", new ModelRelease.Canary("5", 10), "1", signed.updatedAt(), signed.reason(),
                        signed.signature()),
                new ModelRelease("2", "3", signed.canary(), "0", signed.updatedAt(), signed.reason(), signed.signature()),
                new ModelRelease("2", "3", signed.canary(), "1", "2026-12-04T10:00:00Z", signed.reason(),
                        signed.signature()),
                new ModelRelease("2", "3", signed.canary(), "1", signed.updatedAt(), "other", signed.signature()));
        assertThat(tampered).allSatisfy(release ->
                assertThat(Signatures.verifyRelease(TRUSTED, "news", release).reason()).isEqualTo("bad signature"));
    }

    @Test
    void shouldSignAReleaseRegardlessOfTheSignatureItAlreadyCarries() {
        String first = Signatures.signRelease(KEYS.getPrivate(), KEYS.getPublic(), "news", RELEASE);
        ModelRelease resigned = RELEASE.withSignature("junk");

        assertThat(Signatures.verifyRelease(TRUSTED, "news",
                resigned.withSignature(Signatures.signRelease(KEYS.getPrivate(), KEYS.getPublic(), "news", resigned))).ok())
                .isTrue();
        assertThat(first).startsWith(ID + ":");
    }

    @Test
    void shouldRefuseASignatureByAnUntrustedKey() {
        String signature = Signatures.signBundle(OTHER.getPrivate(), OTHER.getPublic(), "news@1", BYTES);

        assertThat(Signatures.verifyBundle(TRUSTED, "news@1", BYTES, signature)).isEqualTo(new Signatures.Verdict(
                false, "signed by untrusted key " + Ed25519Keys.keyId(OTHER.getPublic())));
    }

    @Test
    void shouldRefuseAnUnsignedRecordWhenKeysAreTrusted() {
        assertThat(Signatures.verifyBundle(TRUSTED, "news@1", BYTES, null)).isEqualTo(new Signatures.Verdict(false, "unsigned"));
        assertThat(Signatures.verifyRelease(TRUSTED, "news", RELEASE).reason()).isEqualTo("unsigned");
    }

    @Test
    void shouldRefuseMalformedSignatures() {
        String good = Signatures.signBundle(KEYS.getPrivate(), KEYS.getPublic(), "news@1", BYTES);
        String base64 = good.substring(good.indexOf(':') + 1);
        List<String> malformed = List.of("no-colon", ":" + base64, "XYZ:" + base64, ID.toUpperCase(java.util.Locale.ROOT) + ":" + base64,
                ID + ":not base64!", ID + ":" + Base64.getEncoder().encodeToString(new byte[32]), ID + ":");

        assertThat(malformed).allSatisfy(signature -> assertThat(Signatures.verifyBundle(TRUSTED, "news@1", BYTES, signature))
                .isEqualTo(new Signatures.Verdict(false, "malformed signature")));
        assertThat(Signatures.keyIdOf("no-colon")).isEmpty();
        assertThat(Signatures.keyIdOf(good)).contains(ID);
    }

    @Test
    void shouldAcceptEverythingWithoutTrustedKeys() {
        assertThat(Signatures.verifyBundle(Map.of(), "news@1", BYTES, null))
                .isEqualTo(new Signatures.Verdict(true, "no trusted keys configured"));
        assertThat(Signatures.verifyBundle(Map.of(), "news@1", BYTES, "garbage").ok()).isTrue();
        assertThat(Signatures.verifyRelease(Map.of(), "news", RELEASE).ok()).isTrue();
    }

    @Test
    void shouldRefuseToSignWithAPublicKeyThatIsNotThePrivateKeys() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        Signatures.signBundle(KEYS.getPrivate(), OTHER.getPublic(), "news@1", BYTES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void shouldLoadTrustedKeysByIdFromPublicKeyFiles(@TempDir Path dir) throws Exception {
        Ed25519Keys.writeKeyPair(dir.resolve("a"), KEYS);
        Ed25519Keys.writeKeyPair(dir.resolve("b"), OTHER);

        Map<String, PublicKey> trusted = Signatures.trusted(List.of(dir.resolve("a.pub"), dir.resolve("b.pub")));

        assertThat(trusted).containsOnlyKeys(ID, Ed25519Keys.keyId(OTHER.getPublic()));
        String signature = Signatures.signBundle(OTHER.getPrivate(), OTHER.getPublic(), "news@1", BYTES);
        assertThat(Signatures.verifyBundle(trusted, "news@1", BYTES, signature).ok()).isTrue();
    }
}
