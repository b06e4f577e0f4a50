package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.model.FixtureModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo} end to end, embedded broker and all, with articles that cannot all be tagged. */
class DemoCommandIT {

    @Test
    void shouldAccountForEveryInputLine(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("fixture.zip"), FixtureModels.bundleBytes());
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("{\"id\":\"ok-1\",\"body\":\"crude oil opec barrel\"}\n".getBytes(StandardCharsets.UTF_8));
        input.write("{\"id\":\"crlf\",\"body\":\"wheat harvest tonnes\"}\r\n".getBytes(StandardCharsets.UTF_8));
        input.write(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
        input.write("{\"id\":\"twice\",\"body\":\"dividend\"}\n{\"id\":\"twice\",\"body\":\"profit\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        input.write(article("big-1", 1_200_000));
        input.write(article("huge-1", 5_000_000));
        Path file = Files.write(dir.resolve("in.jsonl"), input.toByteArray());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("demo", "--input", file.toString(), "--model", model.toString(), "--messages", "0");

        String printed = out.toString();
        assertThat(code).as(printed + err).isEqualTo(1);
        assertThat(printed).contains("sending 7 articles from " + file);
        Matcher summary = Pattern.compile("summary: 7 articles: sent (\\d+), failed to send (\\d+), tagged (\\d+) "
                + "\\(abstained \\d+\\), dead-lettered (\\d+), missing (\\d+)").matcher(printed);
        assertThat(summary.find()).as(printed).isTrue();
        int sent = Integer.parseInt(summary.group(1));
        int failed = Integer.parseInt(summary.group(2));
        int tagged = Integer.parseInt(summary.group(3));
        int deadLettered = Integer.parseInt(summary.group(4));
        assertThat(summary.group(5)).as(printed).isEqualTo("0");
        assertThat(sent + failed).isEqualTo(7);
        assertThat(tagged + deadLettered).isEqualTo(sent);
        assertThat(tagged).as(printed).isGreaterThanOrEqualTo(4);
        assertThat(printed).contains("DEAD-LETTER invalid-utf8");
        // The 5 MB line is too large for the demo producer; the 1.2 MB one reaches the tagger (too-large) where the
        // input topic takes it, else the broker refuses it.
        assertThat(printed).contains("line 7: line is 5000025 bytes, more than the demo producer's max.request.size=4194304");
        assertThat(printed).containsAnyOf("DEAD-LETTER too-large", "big-1: RecordTooLargeException");
        assertThat(printed).doesNotContain("duplicates");
    }

    private static byte[] article(String id, int bodyLength) {
        return ("{\"id\":\"" + id + "\",\"body\":\"" + "a".repeat(bodyLength) + "\"}\n").getBytes(StandardCharsets.UTF_8);
    }
}
