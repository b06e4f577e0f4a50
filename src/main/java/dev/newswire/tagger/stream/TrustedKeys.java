package dev.newswire.tagger.stream;

import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.model.Signatures;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * The {@link SignaturePolicy} of a set of trusted Ed25519 public keys: with none, everything is accepted; with
 * any, a bundle or release must carry a valid signature by one of them.
 */
public final class TrustedKeys implements SignaturePolicy {

    private final Map<String, PublicKey> trusted;

    private TrustedKeys(Map<String, PublicKey> trusted) {
        this.trusted = Map.copyOf(trusted);
    }

    /** The policy of the public key files {@code files} (empty list: accept all). */
    public static SignaturePolicy policy(List<Path> files) throws IOException {
        return files.isEmpty() ? SignaturePolicy.acceptAll() : of(Signatures.trusted(files));
    }

    /** The policy of already loaded keys, by key id. */
    public static TrustedKeys of(Map<String, PublicKey> trustedById) {
        if (trustedById.isEmpty()) {
            throw new IllegalArgumentException("no trusted keys: use SignaturePolicy.acceptAll() instead");
        }
        return new TrustedKeys(trustedById);
    }

    @Override
    public String checkBundle(String bundleKey, byte[] bundle, String signature) {
        Signatures.Verdict v = Signatures.verifyBundle(trusted, bundleKey, bundle, signature);
        return v.ok() ? null : v.reason();
    }

    @Override
    public String checkRelease(String name, ModelRelease release) {
        Signatures.Verdict v = Signatures.verifyRelease(trusted, name, release);
        return v.ok() ? null : v.reason();
    }

    @Override
    public boolean enforcing() {
        return true;
    }
}
