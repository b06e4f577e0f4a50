package dev.newswire.tagger.cli;

import dev.newswire.tagger.model.Ed25519Keys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import picocli.CommandLine.Option;

/** {@code --sign-key FILE}: the Ed25519 private key that signs what a command writes, with its public key beside it. */
final class SigningKeyOption {

    static final String DESCRIPTION = "Sign the records written with this Ed25519 private key (PKCS#8 PEM). Its "
            + "public key must lie beside it: NAME.pub for NAME.key (else FILE.pub), as 'keys generate' writes them.";

    @Option(names = "--sign-key", paramLabel = "FILE", description = DESCRIPTION)
    Path signKey;

    /** The key pair, or null when records are written unsigned. */
    KeyPair load() throws IOException {
        return load(signKey);
    }

    /** The key pair of {@code privateKeyFile}, or null if it is null. */
    static KeyPair load(Path privateKeyFile) throws IOException {
        return privateKeyFile == null ? null : Ed25519Keys.readKeyPair(privateKeyFile);
    }
}
