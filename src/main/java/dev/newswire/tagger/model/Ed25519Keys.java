package dev.newswire.tagger.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Ed25519 key pairs for signing model bundles and releases, with the JDK's own provider only. Keys are stored as
 * PEM files: the private key as PKCS#8 ({@value #PRIVATE_LABEL}), the public key as X.509
 * SubjectPublicKeyInfo ({@value #PUBLIC_LABEL}), the same formats {@code openssl genpkey -algorithm ed25519}
 * writes. The JDK cannot derive an Ed25519 public key from a private key, so a key pair is two files:
 * {@code name.key} and {@code name.pub} side by side ({@link #publicKeyFileFor(Path)}).
 *
 * <p>Errors reading a file throw {@link KeyFileException} naming the file and what is wrong with it. Stateless and
 * thread-safe.
 */
public final class Ed25519Keys {

    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_LABEL = "PRIVATE KEY";
    public static final String PUBLIC_LABEL = "PUBLIC KEY";
    /** Suffix of a private key file as {@code keys generate} writes it. */
    public static final String PRIVATE_SUFFIX = ".key";
    /** Suffix of a public key file. */
    public static final String PUBLIC_SUFFIX = ".pub";

    /** Algorithms tried only to say what a refused key is instead of Ed25519. */
    private static final List<String> OTHER_ALGORITHMS = List.of("RSA", "EC", "Ed448", "X25519", "X448", "DSA");

    private Ed25519Keys() {
    }

    /** A fresh key pair from the JDK's default secure random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM + " (Java 15 or later has)", e);
        }
    }

    /**
     * The id of a public key, as signatures name it: the first 16 hex digits of the SHA-256 of its X.509
     * encoding.
     */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The public key file that goes with a private key file: {@code name.pub} for {@code name.key}, otherwise
     * the private key file's name with {@code .pub} appended.
     */
    public static Path publicKeyFileFor(Path privateKeyFile) {
        String file = privateKeyFile.getFileName().toString();
        String stem = file.endsWith(PRIVATE_SUFFIX) ? file.substring(0, file.length() - PRIVATE_SUFFIX.length()) : file;
        return privateKeyFile.resolveSibling(stem + PUBLIC_SUFFIX);
    }

    /**
     * Writes {@code pair} as {@code base.key} and {@code base.pub}, creating the folder if needed; the private key
     * file is readable by its owner only where the file system has POSIX permissions.
     *
     * @param base the path without suffix, e.g. {@code keys/release}
     * @return the private key file
     * @throws FileAlreadyExistsException if either file exists: a key is never overwritten
     */
    public static Path writeKeyPair(Path base, KeyPair pair) throws IOException {
        Path privateFile = base.resolveSibling(base.getFileName() + PRIVATE_SUFFIX);
        Path publicFile = publicKeyFileFor(privateFile);
        for (Path file : List.of(privateFile, publicFile)) {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "a key file is never overwritten");
            }
        }
        Path parent = privateFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        writePrivateKey(privateFile, pair.getPrivate());
        writePublicKey(publicFile, pair.getPublic());
        return privateFile;
    }

    /** Writes a private key as a PKCS#8 PEM file, owner-readable only where POSIX permissions exist. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        requireEd25519(key.getAlgorithm());
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, pem(PRIVATE_LABEL, key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Writes a public key as an X.509 PEM file. */
    public static void writePublicKey(Path file, PublicKey key) throws IOException {
        requireEd25519(key.getAlgorithm());
        Files.writeString(file, pem(PUBLIC_LABEL, key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /**
     * Reads a PKCS#8 PEM private key file.
     *
     * @throws KeyFileException if the file is not such a PEM file or holds a key of another algorithm
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        byte[] der = readPem(file, PRIVATE_LABEL);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw refused(file, "private", new PKCS8EncodedKeySpec(der), true);
        }
    }

    /**
     * Reads an X.509 PEM public key file.
     *
     * @throws KeyFileException if the file is not such a PEM file or holds a key of another algorithm
     */
    public static PublicKey readPublicKey(Path file) throws IOException {
        byte[] der = readPem(file, PUBLIC_LABEL);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw refused(file, "public", new X509EncodedKeySpec(der), false);
        }
    }

    /**
     * Reads the private key in {@code privateKeyFile} and the public key beside it ({@link #publicKeyFileFor}),
     * and checks that they belong together.
     *
     * @throws KeyFileException if either file is missing or not a key, or the public key is not the private
     *                          key's
     */
    public static KeyPair readKeyPair(Path privateKeyFile) throws IOException {
        Path publicKeyFile = publicKeyFileFor(privateKeyFile);
        if (!Files.exists(publicKeyFile)) {
            throw new KeyFileException(privateKeyFile + ": the public key " + publicKeyFile
                    + " is missing (a signing key is two files, NAME.key and NAME.pub, as 'keys generate' writes them)");
        }
        KeyPair pair = new KeyPair(readPublicKey(publicKeyFile), readPrivateKey(privateKeyFile));
        if (!Signatures.belongTogether(pair.getPrivate(), pair.getPublic())) {
            throw new KeyFileException(publicKeyFile + ": this public key does not belong to the private key "
                    + privateKeyFile);
        }
        return pair;
    }

    private static byte[] readPem(Path file, String label) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new KeyFileException(file + ": not a PEM key file (binary content)");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KeyFileException(file + ": no such key file");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            String found = text.contains("-----BEGIN ") ? ", found " + firstPemLabel(text) : "";
            throw new KeyFileException(file + ": not a PEM " + label.toLowerCase(Locale.ROOT) + " file (expected "
                    + begin + found + ")");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file + ": the PEM body is not base64: " + e.getMessage());
        }
    }

    private static String firstPemLabel(String text) {
        int from = text.indexOf("-----BEGIN ");
        int to = text.indexOf("-----", from + 11);
        return to < 0 ? "-----BEGIN ..." : text.substring(from, to + 5);
    }

    private static KeyFileException refused(Path file, String kind, KeySpec spec, boolean isPrivate) {
        for (String algorithm : OTHER_ALGORITHMS) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                if (isPrivate) {
                    factory.generatePrivate(spec);
                } else {
                    factory.generatePublic(spec);
                }
                return new KeyFileException(file + ": the " + kind + " key's algorithm is " + algorithm + ", not " + ALGORITHM);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm either
            }
        }
        return new KeyFileException(file + ": not a readable " + ALGORITHM + " " + kind + " key");
    }

    private static void requireEd25519(String algorithm) {
        if (!ALGORITHM.equals(algorithm) && !"EdDSA".equals(algorithm)) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " key: " + algorithm);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
