package dev.newswire.tagger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.newswire.tagger.kafka.TopicAdmin;
import dev.newswire.tagger.kafka.TopicAdminException;
import dev.newswire.tagger.kafka.TopicReport;
import dev.newswire.tagger.kafka.TopicSpec;
import dev.newswire.tagger.kafka.TopicSpecs;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code topics}: manages the project's Kafka topics as declared in {@code topics/topics.json}.
 * Wiring only: {@link TopicSpecs} reads the definitions and {@link TopicAdmin} applies them.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Manage the Kafka topics declared in topics/topics.json.",
        subcommands = TopicsCommand.Create.class)
public final class TopicsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'topics create'");
    }

    /** {@code topics create}: creates missing topics and brings existing ones in line, idempotently. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create the declared topics that are missing and bring the configs and partition counts "
                    + "of existing ones in line. Safe to run again.",
                "Prints one line per topic: CREATED, UPDATED (with what changed) or UNCHANGED."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every topic is as declared", "1:the topics file is invalid or Kafka failed",
                "2:invalid command line"})
    static final class Create implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
                description = "Kafka bootstrap servers.")
        private String bootstrapServers;

        @Option(names = "--file", paramLabel = "PATH",
                description = "A topics.json file (default: the one packaged in the jar).")
        private Path file;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
                converter = DurationConverter.class,
                description = "Time budget, e.g. 30s, 2m, 500ms or PT1M (default: ${DEFAULT-VALUE}).")
        private Duration timeout;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<TopicSpec> specs = file == null ? TopicSpecs.loadDefault() : TopicSpecs.load(file);
                TopicReport report;
                try (Admin admin = TopicAdmin.createAdmin(bootstrapServers, timeout)) {
                    report = TopicAdmin.ensureTopics(admin, specs, timeout);
                }
                print(report, spec.commandLine().getOut());
                return 0;
            } catch (IOException e) {
                err.println("topics create: " + e.getMessage());
            } catch (TopicAdminException e) {
                err.println("topics create: " + e.getMessage() + " [bootstrap servers: " + bootstrapServers + "]");
            }
            err.flush();
            return 1;
        }

        private static void print(TopicReport report, PrintWriter out) {
            for (TopicReport.Entry entry : report.entries()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %s",
                        entry.outcome(), entry.topic()));
                if (!entry.changes().isEmpty()) {
                    line.append(" (").append(String.join("; ", entry.changes())).append(')');
                }
                entry.warnings().forEach(warning -> line.append(" [warning: ").append(warning).append(']'));
                out.println(line);
            }
            out.flush();
        }
    }

    /** Reads {@code 500ms}, {@code 30s}, {@code 2m} or an ISO-8601 duration such as {@code PT30S}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            try {
                Duration duration;
                if (text.matches("\\d+ms")) {
                    duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                } else if (text.matches("\\d+s")) {
                    duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
                } else if (text.matches("\\d+m")) {
                    duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
                } else {
                    duration = Duration.parse(value.strip());
                }
                if (duration.isNegative() || duration.isZero()) {
                    throw new TypeConversionException("must be positive: '" + value + "'");
                }
                return duration;
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 30s, 2m, 500ms or PT1M");
            }
        }
    }
}
