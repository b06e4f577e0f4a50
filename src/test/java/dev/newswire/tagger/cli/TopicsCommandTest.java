package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code topics} command's wiring and failures; the happy path runs against a broker in EmbeddedKafkaBrokerIT. */
class TopicsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldFailWithAClearMessageWhenNoBrokerAnswers() throws IOException {
        String nobody = "127.0.0.1:" + closedPort();

        int exitCode = execute("create", "--bootstrap-servers", nobody, "--timeout", "2s");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("No answer from the Kafka cluster within 2000 ms").contains(nobody);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldFailNamingTheFileWhenTheTopicsFileIsInvalid(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("topics.json"), "[{\"name\": \"x\"}]");

        int exitCode = execute("create", "--bootstrap-servers", "127.0.0.1:1", "--file", file.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains(file.toString()).contains("entry 1 (\"x\")");
    }

    @Test
    void shouldRequireTheBootstrapServers() {
        assertThat(execute("create")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--bootstrap-servers");
    }

    @Test
    void shouldTreatAMissingSubcommandAsAUsageError() {
        assertThat(execute()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void shouldReadShortAndIsoDurations() {
        TopicsCommand.DurationConverter converter = new TopicsCommand.DurationConverter();

        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> converter.convert("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> converter.convert("0s")).hasMessageContaining("positive");
    }

    private int execute(String... args) {
        CommandLine command = new CommandLine(new TopicsCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** A loopback port that nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
