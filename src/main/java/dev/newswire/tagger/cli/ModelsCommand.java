package dev.newswire.tagger.cli;

import dev.newswire.tagger.stream.ModelListing;
import dev.newswire.tagger.stream.ModelTopicClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code models}: what is on the model topic. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect the model topic.",
        subcommands = ModelsCommand.ListCommand.class)
final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'models list'");
    }

    /** {@code models list}: one line per bundle. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"One line per bundle on the model topic: name, version, size in bytes, created at, test "
                    + "accuracy, split, whether the record is signed (and by which key id), and which release "
                    + "pointers point at it (active, shadow, canary N%%, previous)."})
    static final class ListCommand implements Callable<Integer> {

        private static final List<String> HEADER = List.of("NAME", "VERSION", "BYTES", "CREATED", "ACCURACY", "SPLIT",
                "SIGNED", "RELEASE");

        @Spec
        CommandSpec spec;

        @Mixin
        ModelTopicOptions topic;

        @Override
        public Integer call() {
            return CommandFailures.run(spec, () -> {
                List<ModelListing> rows;
                try (ModelTopicClient client = topic.open()) {
                    rows = ModelListing.of(client.readAll(topic.timeout));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (rows.isEmpty()) {
                    out.println("no bundles on " + topic.topic);
                } else {
                    List<List<String>> table = new ArrayList<>();
                    table.add(HEADER);
                    rows.forEach(row -> table.add(cells(row)));
                    print(table, out);
                }
                out.flush();
                return 0;
            });
        }

        private static List<String> cells(ModelListing row) {
            String signed = !row.signed() ? "no" : row.keyId() == null ? "yes (malformed)" : "yes (" + row.keyId() + ")";
            String release = String.join(", ", row.markers());
            if (row.problem() != null) {
                return List.of(row.name(), row.version(), Integer.toString(row.size()), "-", "-",
                        "unreadable: " + row.problem(), signed, release);
            }
            String accuracy = row.accuracy() == null ? "-" : String.format(Locale.ROOT, "%.4f", row.accuracy());
            return List.of(row.name(), row.version(), Integer.toString(row.size()), row.createdAt(), accuracy,
                    row.split(), signed, release);
        }

        private static void print(List<List<String>> table, PrintWriter out) {
            int[] widths = new int[HEADER.size()];
            table.forEach(r -> {
                for (int i = 0; i < r.size(); i++) {
                    widths[i] = Math.max(widths[i], r.get(i).length());
                }
            });
            for (List<String> r : table) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    line.append(i == r.size() - 1 ? r.get(i) : String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", r.get(i)));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
