package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench} refuses bad command lines before it starts anything. */
class BenchCommandTest {

    private static String usageError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        String[] command = new String[args.length + 1];
        command[0] = "bench";
        System.arraycopy(args, 0, command, 1, args.length);
        assertThat(cli.execute(command)).as(err.toString()).isEqualTo(2);
        return err.toString();
    }

    @Test
    void shouldRefuseToOverrideWhatTheBenchSetsItself() {
        assertThat(usageError("--set", "bootstrap.servers=x:9092")).contains("--set [bootstrap.servers]", "--bootstrap-servers");
        assertThat(usageError("--set", "input.topic=mine")).contains("--set [input.topic]");
        assertThat(usageError("--set", "no.such.key=1")).contains("unknown configuration key 'no.such.key'");
    }

    @Test
    void shouldRefuseThreadsWithVerifyThreads() {
        assertThat(usageError("--verify-threads", "--threads", "2")).contains("drop --threads");
    }

    @Test
    void shouldRefuseAWarmupAsLongAsTheRun() {
        assertThat(usageError("--messages", "100", "--warmup", "100")).contains("--warmup must be");
        assertThat(usageError("--messages", "0")).contains("--messages must be at least 1");
        assertThat(usageError("--rate", "-1")).contains("--rate must be");
        assertThat(usageError("--idle-timeout", "0")).contains("--idle-timeout");
    }
}
