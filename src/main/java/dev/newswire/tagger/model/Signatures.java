package dev.newswire.tagger.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ed25519 signatures of bundle and release records. A signature is the string {@code <keyId>:<base64>}: the
 * {@linkplain Ed25519Keys#keyId id} of the signing key and the base64 of the 64-byte Ed25519 signature.
 *
 * <ul>
 *   <li>A bundle signature covers the UTF-8 bytes of {@code "newswire-bundle\n" + bundleKey + "\n" +
 *       sha256hex(bundleBytes)}, so it binds the bytes to their {@code name@version} key.</li>
 *   <li>A release signature covers {@link ModelRelease#signedBytes(String)}.</li>
 * </ul>
 *
 * Verification against a map of trusted keys by id returns a {@link Verdict}; with no trusted keys configured
 * every record passes, signed or not. Stateless and thread-safe.
 */
public final class Signatures {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final int SIGNATURE_BYTES = 64;

    private Signatures() {
    }

    /** The outcome of a verification; {@code reason} says why, e.g. {@code "signed by untrusted key <id>"}. */
    public record Verdict(boolean ok, String reason) {
        static Verdict accepted(String reason) {
            return new Verdict(true, reason);
        }

        static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }

    /**
     * Signs a bundle record.
     *
     * @param key       the private key
     * @param publicKey its public key, which names the signature
     * @param bundleKey the record key, {@code name@version}
     * @throws IllegalArgumentException if {@code publicKey} does not belong to {@code key}
     */
    public static String signBundle(PrivateKey key, PublicKey publicKey, String bundleKey, byte[] bundleBytes) {
        return sign(key, publicKey, bundleMessage(bundleKey, bundleBytes));
    }

    /**
     * Signs a release record ({@link ModelRelease#signedBytes(String)}; any signature already in {@code release}
     * is not covered). Set the result with {@link ModelRelease#withSignature(String)}.
     *
     * @throws IllegalArgumentException if {@code publicKey} does not belong to {@code key}
     */
    public static String signRelease(PrivateKey key, PublicKey publicKey, String name, ModelRelease release) {
        return sign(key, publicKey, release.signedBytes(name));
    }

    /** Checks the signature of a bundle record ({@code signatureOrNull} from its header). */
    public static Verdict verifyBundle(Map<String, PublicKey> trustedById, String bundleKey, byte[] bundleBytes,
                                       String signatureOrNull) {
        return verify(trustedById, bundleMessage(bundleKey, bundleBytes), signatureOrNull);
    }

    /** Checks the signature of a release record, {@code release.signature()}. */
    public static Verdict verifyRelease(Map<String, PublicKey> trustedById, String name, ModelRelease release) {
        return verify(trustedById, release.signedBytes(name), release.signature());
    }

    /**
     * The trusted keys of a list of X.509 PEM public key files, by key id.
     *
     * @throws KeyFileException naming a file that is not an Ed25519 public key
     */
    public static Map<String, PublicKey> trusted(List<Path> publicKeyFiles) throws IOException {
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        for (Path file : publicKeyFiles) {
            PublicKey key = Ed25519Keys.readPublicKey(file);
            trusted.put(Ed25519Keys.keyId(key), key);
        }
        return Map.copyOf(trusted);
    }

    /** The key id a signature names, or empty if it is null or malformed. */
    public static Optional<String> keyIdOf(String signature) {
        return parse(signature).map(Parsed::keyId);
    }

    /** Whether {@code publicKey} verifies what {@code privateKey} signs. */
    static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "newswire-key-check".getBytes(StandardCharsets.UTF_8);
        try {
            return verifies(publicKey, probe, rawSign(privateKey, probe));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Verdict verify(Map<String, PublicKey> trustedById, byte[] message, String signature) {
        if (trustedById.isEmpty()) {
            return Verdict.accepted("no trusted keys configured");
        }
        if (signature == null || signature.isEmpty()) {
            return Verdict.refused("unsigned");
        }
        Optional<Parsed> parsed = parse(signature);
        if (parsed.isEmpty()) {
            return Verdict.refused("malformed signature");
        }
        PublicKey key = trustedById.get(parsed.get().keyId());
        if (key == null) {
            return Verdict.refused("signed by untrusted key " + parsed.get().keyId());
        }
        try {
            return verifies(key, message, parsed.get().bytes())
                    ? Verdict.accepted("signed by trusted key " + parsed.get().keyId())
                    : Verdict.refused("bad signature");
        } catch (GeneralSecurityException e) {
            return Verdict.refused("bad signature");
        }
    }

    private record Parsed(String keyId, byte[] bytes) {
    }

    private static Optional<Parsed> parse(String signature) {
        if (signature == null) {
            return Optional.empty();
        }
        int colon = signature.indexOf(':');
        if (colon < 0 || !KEY_ID.matcher(signature.substring(0, colon)).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(signature.substring(colon + 1));
            return bytes.length == SIGNATURE_BYTES ? Optional.of(new Parsed(signature.substring(0, colon), bytes))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sign(PrivateKey key, PublicKey publicKey, byte[] message) {
        try {
            byte[] signature = rawSign(key, message);
            if (!verifies(publicKey, message, signature)) {
                throw new IllegalArgumentException("the public key " + Ed25519Keys.keyId(publicKey)
                        + " does not belong to the private key");
            }
            return Ed25519Keys.keyId(publicKey) + ":" + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    private static byte[] rawSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
        signer.initSign(key);
        signer.update(message);
        return signer.sign();
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static byte[] bundleMessage(String bundleKey, byte[] bundleBytes) {
        return ("newswire-bundle\n" + bundleKey + "\n" + ModelBundles.sha256(bundleBytes)).getBytes(StandardCharsets.UTF_8);
    }
}
