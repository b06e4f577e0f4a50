package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.model.Ed25519Keys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The model commands' command lines and what they refuse before asking Kafka anything (no broker here). */
class ModelCommandsTest {

    /** Nothing listens here; a command that got as far as Kafka would fail differently and slowly. */
    private static final String NO_BROKER = "127.0.0.1:9";

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldGenerateAKeyPairAndPrintItsIdButNeverOverwriteIt(@TempDir Path dir) throws Exception {
        Run first = run("keys", "generate", "--out", dir.resolve("k/release").toString());
        Run second = run("keys", "generate", "--out", dir.resolve("k/release").toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        String id = Ed25519Keys.keyId(Ed25519Keys.readPublicKey(dir.resolve("k/release.pub")));
        assertThat(first.out()).contains("release.key (private)").contains("release.pub (public)").contains("key id " + id);
        assertThat(Ed25519Keys.readKeyPair(dir.resolve("k/release.key")).getPublic().getEncoded())
                .isEqualTo(Ed25519Keys.readPublicKey(dir.resolve("k/release.pub")).getEncoded());
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).startsWith("keys generate: ").contains("release.key already exists");
    }

    @Test
    void shouldTreatBadCommandLinesAsUsageErrors(@TempDir Path dir) {
        String model = dir.resolve("m.zip").toString();

        assertThat(run("publish", "--model", model).exitCode()).isEqualTo(2);
        assertThat(run("publish", "--model", model, "--bootstrap-servers", NO_BROKER, "--activate", "--shadow")
                .exitCode()).isEqualTo(2);
        Run percent = run("publish", "--model", model, "--bootstrap-servers", NO_BROKER, "--canary", "100");
        assertThat(percent.exitCode()).isEqualTo(2);
        assertThat(percent.err()).contains("between 1 and 99");
        assertThat(run("release", "canary", "3", "--bootstrap-servers", NO_BROKER).err()).contains("VERSION PCT or --clear");
        assertThat(run("release", "shadow", "--bootstrap-servers", NO_BROKER).exitCode()).isEqualTo(2);
        assertThat(run("release").exitCode()).isEqualTo(2);
        assertThat(run("models").exitCode()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAMissingBundleOrABadSigningKeyNamingTheFile(@TempDir Path dir) throws Exception {
        Path notAKey = dir.resolve("notes.key");
        Files.writeString(notAKey, "not a key");
        Files.writeString(dir.resolve("notes.pub"), "not a key either");

        Run missing = run("publish", "--model", dir.resolve("nope.zip").toString(), "--bootstrap-servers", NO_BROKER);
        Run badKey = run("release", "rollback", "--bootstrap-servers", NO_BROKER, "--sign-key", notAKey.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualToIgnoringNewLines("publish: no such file: " + dir.resolve("nope.zip"));
        assertThat(badKey.exitCode()).isEqualTo(1);
        assertThat(badKey.err()).startsWith("release rollback: ").contains("notes.pub").contains("not a PEM");
    }
}
