package dev.newswire.tagger.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 fingerprints of datasets ({@link Dataset#fingerprint()}, {@link MultiLabelDataset#fingerprint()}):
 * what a dataset writes is digested, never stored. Each string is written as its UTF-8 length (4-byte big-endian)
 * and bytes, each list as its size then its elements, so that no two different contents share an encoding.
 */
final class Fingerprint {

    /** Writes a dataset's content. */
    interface Content {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private Fingerprint() {
    }

    /** 64 lower-case hex digits: the SHA-256 of what {@code content} writes. */
    static String of(Content content) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }
}
