package dev.newswire.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeysTest {

    @Test
    void shouldWriteAndReadAKeyPairAsPemFiles(@TempDir Path dir) throws Exception {
        KeyPair pair = Ed25519Keys.generate();

        Path privateFile = Ed25519Keys.writeKeyPair(dir.resolve("keys/release"), pair);

        assertThat(privateFile).isEqualTo(dir.resolve("keys/release.key"));
        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(dir.resolve("keys/release.pub"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        KeyPair read = Ed25519Keys.readKeyPair(privateFile);
        assertThat(read.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(read.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(Ed25519Keys.keyId(read.getPublic())).isEqualTo(Ed25519Keys.keyId(pair.getPublic()));
    }

    @Test
    void shouldDeriveTheKeyIdFromTheSha256OfTheX509Encoding() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        String sha = ModelBundles.sha256(pair.getPublic().getEncoded());

        assertThat(Ed25519Keys.keyId(pair.getPublic())).isEqualTo(sha.substring(0, 16)).matches("[0-9a-f]{16}");
        assertThat(Ed25519Keys.keyId(Ed25519Keys.generate().getPublic())).isNotEqualTo(Ed25519Keys.keyId(pair.getPublic()));
    }

    @Test
    void shouldReadAnOpensslStylePublicKeyFile(@TempDir Path dir) throws Exception {
        // openssl genpkey -algorithm ed25519 | openssl pkey -pubout: 64-column base64, no trailing text
        KeyPair pair = Ed25519Keys.generate();
        Path file = dir.resolve("openssl.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\r\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\r\n-----END PUBLIC KEY-----\r\n");

        assertThat(Ed25519Keys.readPublicKey(file).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void shouldNeverOverwriteAKeyFile(@TempDir Path dir) throws Exception {
        Ed25519Keys.writeKeyPair(dir.resolve("k"), Ed25519Keys.generate());

        assertThatThrownBy(() -> Ed25519Keys.writeKeyPair(dir.resolve("k"), Ed25519Keys.generate()))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("k.key");
    }

    @Test
    void shouldRefuseAFileThatIsNotAKeyNamingTheFile(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "hello");

        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(notes)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(notes.toString()).hasMessageContaining("-----BEGIN PRIVATE KEY-----");
        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(dir.resolve("missing.pub")))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("missing.pub").hasMessageContaining("no such");
    }

    @Test
    void shouldRefuseAPublicKeyWhereAPrivateKeyIsExpected(@TempDir Path dir) throws Exception {
        Path key = Ed25519Keys.writeKeyPair(dir.resolve("k"), Ed25519Keys.generate());
        Path pub = Ed25519Keys.publicKeyFileFor(key);

        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(pub)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("k.pub").hasMessageContaining("found -----BEGIN PUBLIC KEY-----");
    }

    @Test
    void shouldRefuseAKeyOfAnotherAlgorithmNamingIt(@TempDir Path dir) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair pair = rsa.generateKeyPair();
        Path privateFile = dir.resolve("rsa.key");
        Path publicFile = dir.resolve("rsa.pub");
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(privateFile)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("rsa.key").hasMessageContaining("RSA, not Ed25519");
        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(publicFile)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("rsa.pub").hasMessageContaining("RSA, not Ed25519");
    }

    @Test
    void shouldRefuseAnEd448KeyAsAnotherAlgorithm(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        Path publicFile = dir.resolve("ed448.pub");
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(publicFile)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("Ed448, not Ed25519");
    }

    @Test
    void shouldRefuseAPublicKeyThatIsNotThePrivateKeys(@TempDir Path dir) throws Exception {
        Path key = Ed25519Keys.writeKeyPair(dir.resolve("a"), Ed25519Keys.generate());
        Ed25519Keys.writeKeyPair(dir.resolve("b"), Ed25519Keys.generate());
        Files.copy(dir.resolve("b.pub"), dir.resolve("a.pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> Ed25519Keys.readKeyPair(key)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("a.pub").hasMessageContaining("does not belong");
    }

    @Test
    void shouldSayThatThePublicKeyFileIsMissing(@TempDir Path dir) throws Exception {
        Path key = Ed25519Keys.writeKeyPair(dir.resolve("a"), Ed25519Keys.generate());
        Files.delete(dir.resolve("a.pub"));

        assertThatThrownBy(() -> Ed25519Keys.readKeyPair(key)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("a.pub").hasMessageContaining("missing");
    }

    @Test
    void shouldFindThePublicKeyBesideThePrivateKey() {
        assertThat(Ed25519Keys.publicKeyFileFor(Path.of("keys/release.key"))).isEqualTo(Path.of("keys/release.pub"));
        assertThat(Ed25519Keys.publicKeyFileFor(Path.of("keys/release.pem"))).isEqualTo(Path.of("keys/release.pem.pub"));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + new String(Base64.getMimeEncoder().encode(der), StandardCharsets.US_ASCII)
                + "\n-----END " + label + "-----\n";
    }
}
