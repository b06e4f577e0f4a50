package dev.newswire.tagger.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.text.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes and reads model bundles: one zip holding {@value #MANIFEST}, {@value #VOCABULARY}, {@value #NETWORK}
 * (DL4J's own format, without updater state) and {@value #CHECKSUMS}, the SHA-256 of every other entry in
 * {@code sha256sum} format. Reading checks everything ({@link BundleValidator}) and throws
 * {@link InvalidBundleException} naming the first problem found.
 */
public final class ModelBundles {

    public static final String MANIFEST = "manifest.json";
    public static final String VOCABULARY = "vocabulary.tsv";
    public static final String NETWORK = "network.zip";
    public static final String CHECKSUMS = "checksums.sha256";
    /** Largest entry accepted when reading, against zip bombs. */
    public static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelBundles() {
    }

    /** The bundle bytes of a manifest, vocabulary and network. */
    public static byte[] toBytes(ModelManifest manifest, Vocabulary vocabulary, MultiLayerNetwork network) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, JSON.writeValueAsBytes(manifest));
        entries.put(VOCABULARY, vocabulary.toTsv().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, net, false);
        entries.put(NETWORK, net.toByteArray());
        entries.put(CHECKSUMS, checksums(entries).getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** Writes the bundle to {@code file} (atomically: a temporary file is moved into place). */
    public static void write(Path file, ModelManifest manifest, Vocabulary vocabulary, MultiLayerNetwork network) throws IOException {
        writeBytes(file, toBytes(manifest, vocabulary, network));
    }

    /** Writes bundle bytes to {@code file} atomically; on failure no temporary file is left behind. */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".bundle", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp); // never leave a half-written temporary file behind
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Reads and validates the bundle in {@code file}. */
    public static ModelBundle read(Path file) throws IOException {
        try {
            return fromBytes(Files.readAllBytes(file));
        } catch (InvalidBundleException e) {
            throw new InvalidBundleException(file + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Reads and validates a bundle from a class-path resource. */
    public static ModelBundle readResource(String resource) throws IOException {
        try (InputStream in = ModelBundles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no class-path resource " + resource);
            }
            return fromBytes(in.readAllBytes());
        }
    }

    /** Reads and validates bundle bytes. */
    public static ModelBundle fromBytes(byte[] bytes) {
        return BundleValidator.validate(unzip(bytes));
    }

    /**
     * Only the manifest of bundle bytes, for listings: the zip is read, but the checksums, vocabulary and network
     * are not checked. Use {@link #fromBytes(byte[])} before serving or publishing a bundle.
     *
     * @throws InvalidBundleException if the bytes are not a zip or have no readable manifest
     */
    public static ModelManifest readManifest(byte[] bytes) {
        byte[] manifest = unzip(bytes).get(MANIFEST);
        if (manifest == null) {
            throw new InvalidBundleException("missing entry " + MANIFEST);
        }
        return BundleValidator.parseManifest(manifest);
    }

    static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] data = readLimited(in, e.getName());
                if (entries.put(e.getName(), data) != null) {
                    throw new InvalidBundleException("duplicate entry " + e.getName());
                }
            }
        } catch (ZipException e) {
            throw new InvalidBundleException("not a readable zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidBundleException("truncated or unreadable zip: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new InvalidBundleException("not a model bundle: the zip is empty or not a zip");
        }
        return entries;
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new InvalidBundleException("entry " + name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0L); // reproducible bytes: the content alone decides the checksums
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The {@value #CHECKSUMS} text of {@code entries} (which must not contain it). */
    static String checksums(Map<String, byte[]> entries) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            sb.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 (hex) of {@code data}. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
