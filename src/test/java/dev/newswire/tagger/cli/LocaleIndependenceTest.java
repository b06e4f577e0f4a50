package dev.newswire.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify} in child JVMs under a Turkish default locale and an ISO-8859-1 default charset gives, byte for
 * byte, what it gives under English and UTF-8 (and so under an Arabic locale, whose digits are not ASCII): the same tagged lines (but for {@code classified_at}), the same
 * reports of bad lines, the same exit code. The articles hold the cases that break locale-dependent code: ASCII
 * capitals with I (which Turkish lower-cases to a dotless ı, so {@code OIL} would miss the word {@code oil}), İ and ı,
 * ß and ẞ, Greek final sigma, ligatures, and non-Latin scripts; some lines are not UTF-8 or not JSON.
 */
class LocaleIndependenceTest {

    private static final List<String> BASELINE = List.of("-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8");
    private static final Map<String, List<String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("Turkish", List.of("-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=UTF-8"));
        VARIANTS.put("ISO-8859-1", List.of("-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=ISO-8859-1"));
        VARIANTS.put("Turkish and ISO-8859-1", List.of("-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1"));
        // Formats numbers with Arabic-Indic digits (١٠ for 10): a message formatted without Locale.ROOT shows.
        VARIANTS.put("Arabic (Egypt)", List.of("-Duser.language=ar", "-Duser.country=EG", "-Dfile.encoding=UTF-8"));
    }

    private static byte[] stdin;

    @BeforeAll
    static void articles() throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (InputStream in = LocaleIndependenceTest.class.getResourceAsStream("/locale/articles.jsonl")) {
            lines.write(in.readAllBytes());
        }
        // Not UTF-8: é as ISO-8859-1 writes it, and a lead byte without its continuation.
        lines.write("{\"id\":\"latin1\",\"body\":\"caf".getBytes(StandardCharsets.US_ASCII));
        lines.write(0xE9);
        lines.write(" au lait, crude oil\"}\n{\"id\":\"bad-utf8\",\"body\":\"".getBytes(StandardCharsets.US_ASCII));
        lines.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        lines.write(" oil\"}\n".getBytes(StandardCharsets.US_ASCII));
        stdin = lines.toByteArray();
    }

    @Test
    void shouldClassifyAlikeUnderATurkishLocaleAndAnIsoLatin1DefaultCharset(@TempDir Path dir) throws Exception {
        Run baseline = classify(dir, BASELINE);
        assertThat(baseline.exitCode()).as("some lines are bad: %s", baseline.err()).isEqualTo(1);
        List<String> tagged = baseline.outLines();
        assertThat(tagged).as("one tagged line per good article").hasSize(10);
        assertThat(tagged).anyMatch(l -> l.contains("\"id\":\"tr-2\"") && l.contains("\"abstained\":false"));
        assertThat(tagged).anyMatch(l -> l.contains("\"id\":\"ja-1\"") && l.contains("\"abstained\":true"));
        assertThat(tagged).as("non-ASCII text written back as it came")
                .anyMatch(l -> l.contains("\"headline\":\"İSTANBUL BORSASI: PETROL FİYATLARI YÜKSELDİ\""))
                .anyMatch(l -> l.contains("\"headline\":\"Große Weizenernte in Bayern\""));
        assertThat(baseline.badLines()).hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith("line 10: malformed-json: "))
                .anySatisfy(l -> assertThat(l).startsWith("line 12: invalid-utf8: "))
                .anySatisfy(l -> assertThat(l).startsWith("line 13: invalid-utf8: "));

        for (Map.Entry<String, List<String>> variant : VARIANTS.entrySet()) {
            Run run = classify(dir, variant.getValue());
            assertThat(run.exitCode()).as(variant.getKey()).isEqualTo(baseline.exitCode());
            assertThat(run.outLines()).as("tagged lines under %s", variant.getKey()).containsExactlyElementsOf(tagged);
            assertThat(run.badLines()).as("bad-line reports under %s", variant.getKey()).containsExactlyElementsOf(baseline.badLines());
        }
    }

    /** The child JVM flags do change the defaults, so code that used them would have given other results above. */
    @Test
    void shouldRunTheChildJvmsWithTheDefaultsTheirFlagsSay(@TempDir Path dir) throws Exception {
        Map<String, String> baseline = probe(dir, BASELINE);
        assertThat(baseline).containsEntry("locale", "en-US").containsEntry("charset", "UTF-8")
                .containsEntry("lower", "oil prices").containsEntry("decoded", "Straße");
        Map<String, String> turkish = probe(dir, VARIANTS.get("Turkish"));
        assertThat(turkish).containsEntry("locale", "tr-TR").containsEntry("lower", "oıl prıces");
        assertThat(probe(dir, VARIANTS.get("Arabic (Egypt)"))).containsEntry("number", "\u0661\u0660");
        Map<String, String> latin1 = probe(dir, VARIANTS.get("ISO-8859-1"));
        assertThat(latin1).containsEntry("charset", "ISO-8859-1").containsEntry("decoded", "StraÃ\u009Fe");
    }

    /** And a Turkish lower-casing would change what the model sees of the articles above. */
    @Test
    void shouldSeeOtherWordsWhereTextWereLowerCasedTheTurkishWay() throws IOException {
        ModelBundle model = EmbeddedModel.load();
        String text = "NET INCOME PER SHARE ROSE; PROFIT IN THE QUARTER WAS HIGHER THAN ANALYSTS EXPECTED";
        assertThat(model.vectorizer().vectorize(text.toLowerCase(Locale.forLanguageTag("tr-TR"))))
                .isNotEqualTo(model.vectorizer().vectorize(text));
    }

    /** Output, error output and exit code of one child JVM. */
    private record Run(int exitCode, String out, String err) {

        /** The tagged lines, each with its {@code classified_at} (the time it was classified) blanked. */
        List<String> outLines() {
            return out.lines().map(l -> l.replaceAll("\"classified_at\":\"[^\"]*\"", "\"classified_at\":\"-\"")).toList();
        }

        /** The reports of bad lines ({@code line N: reason: message}), without the log lines around them. */
        List<String> badLines() {
            return err.lines().filter(l -> l.startsWith("line ")).toList();
        }
    }

    private static Run classify(Path dir, List<String> flags) throws Exception {
        List<String> command = new ArrayList<>(flags);
        command.addAll(List.of(Main.class.getName(), "classify", "--top", "5"));
        return java(dir, command, stdin);
    }

    private static Map<String, String> probe(Path dir, List<String> flags) throws Exception {
        List<String> command = new ArrayList<>(flags);
        command.add(LocaleProbe.class.getName());
        Run run = java(dir, command, new byte[0]);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b, LinkedHashMap::new));
    }

    /** Runs {@code java} of this JVM with the test classpath and {@code args}; stdout and stderr read as UTF-8. */
    private static Run java(Path dir, List<String> args, byte[] input) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(args);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (var stdinOfChild = process.getOutputStream()) {
            stdinOfChild.write(input);
        }
        boolean done = process.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("%s finished", Arrays.toString(args.toArray())).isTrue();
        return new Run(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
