package dev.newswire.tagger.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a bench measured and how: written as the JSON report, summed up by {@link #summary()}.
 *
 * @param startedAt    when the bench began, ISO-8601
 * @param settings     what was asked for and what ran
 * @param environment  the machine and JVM
 * @param runs         one per stream-thread count
 * @param verification the comparison of the 1- and 2-thread outputs; null unless asked for
 * @param notes        how to read the figures
 * @param warnings     what went wrong after the measurements (e.g. topics that could not be deleted)
 */
public record BenchReport(String startedAt, Settings settings, Environment environment, List<RunReport> runs,
                          Verification verification, List<String> notes, List<String> warnings) {

    public BenchReport {
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /**
     * The bench's settings.
     *
     * @param broker           the bootstrap servers used
     * @param brokerInThisJvm  the embedded broker: it shares this JVM's CPU and memory figures
     * @param config           {@code --set} entries
     * @param warmupMessages   articles sent and awaited before each run's measured ones
     * @param articles         where the articles come from
     * @param distinctArticles how many documents are cycled
     * @param producer         the bench producer's settings
     * @param consumer         the bench consumer's settings
     */
    public record Settings(int messages, double rate, int warmup, int warmupMessages, List<Integer> streamThreads, String broker,
                           boolean brokerInThisJvm, Map<String, String> config, Model model, String articles,
                           int distinctArticles, Map<String, Object> producer, Map<String, Object> consumer) {
    }

    /** The model that served, {@code name@version} and its id. */
    public record Model(String name, String version, String id) {
    }

    /**
     * The machine and JVM.
     *
     * @param loadAverage {@code /proc/loadavg}'s 1, 5 and 15 minute averages at the start, or "n/a"
     */
    public record Environment(String java, String vm, String os, int cores, double heapMaxMb, String loadAverage) {
    }

    /** Every run complete and, when verified, the outputs of 1 and 2 threads equal. */
    @JsonProperty
    public boolean complete() {
        return runs.stream().allMatch(RunReport::complete) && (verification == null || verification.equal());
    }

    /** The human summary: the settings, each run's figures, the verification. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "bench: %,d articles per run, %s, after %,d warm-up articles; "
                        + "first %,d receipts not measured; model %s@%s (id %s)",
                settings.messages(), settings.rate() > 0 ? String.format(Locale.ROOT, "offered at %,.0f/s", settings.rate())
                        : "as fast as possible", settings.warmupMessages(), settings.warmup(), settings.model().name(), settings.model().version(),
                settings.model().id()));
        lines.add(String.format(Locale.ROOT, "broker %s%s; %s; %d cores, load average %s%s", settings.broker(),
                settings.brokerInThisJvm() ? " (embedded: shares this JVM, so CPU and memory include it)" : "",
                environment.java(), environment.cores(), environment.loadAverage(),
                settings.config().isEmpty() ? "" : "; --set " + settings.config()));
        for (RunReport run : runs) {
            lines.add(String.format(Locale.ROOT, "%d stream thread%s (run %s):", run.streamThreads(),
                    run.streamThreads() == 1 ? "" : "s", run.run()));
            run.summary().forEach(line -> lines.add("  " + line));
        }
        if (verification != null) {
            lines.add(String.format(Locale.ROOT, "verify threads: %s: %,d of %,d articles compared, %,d mismatches, "
                            + "%,d missing from 1 thread, %,d missing from 2 threads",
                    verification.equal() ? "EQUAL" : "DIFFERENT", verification.compared(), verification.articles(),
                    verification.mismatches(), verification.missingInFirst(), verification.missingInSecond()));
            verification.examples().forEach(e -> lines.add("  " + e));
        }
        warnings.forEach(w -> lines.add("warning: " + w));
        return lines;
    }
}
