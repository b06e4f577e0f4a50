package dev.newswire.tagger.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswire-tagger} command and its subcommands. */
@Command(name = "newswire-tagger", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Real-time topic tagging of newswire articles with Kafka Streams and an embedded MLP.",
        subcommands = {DemoCommand.class, BenchCommand.class, BrokerCommand.class, RunCommand.class, ClassifyCommand.class, TrainCommand.class,
                EvaluateCommand.class, TopicsCommand.class, KeysCommand.class, PublishCommand.class,
                ReleaseCommand.class, ModelsCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests): UTF-8 output, one-line errors. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        shareVersion(cl, new Version());
        return cl
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler(Main::oneLineError);
    }

    /**
     * A command failed: print its cause chain in one line on stderr (the stack trace only with
     * {@code NEWSWIRE_DEBUG=1}) and exit 1. Usage errors never get here: picocli reports them and exits 2.
     */
    static int oneLineError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandName() + ": " + describe(e));
        if ("1".equals(System.getenv("NEWSWIRE_DEBUG"))) {
            e.printStackTrace(err);
        } else {
            err.println("(set NEWSWIRE_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return 1;
    }

    /** The messages of an exception and its causes, without repeats, e.g. "no such file: x.zip". */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Throwable t = e; t != null && seen.size() < 4; t = t.getCause()) {
            String message = t instanceof java.nio.file.NoSuchFileException nsf ? "no such file: " + nsf.getFile()
                    : t instanceof java.nio.file.AccessDeniedException ade ? "permission denied: " + ade.getFile()
                    : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (seen.add(message) && sb.indexOf(message) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(message);
            }
        }
        return sb.toString();
    }

    /** Gives every subcommand the top command's version, so that {@code classify -V} prints it too. */
    private static void shareVersion(CommandLine cl, CommandLine.IVersionProvider version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
    }

    /** Version from the jar manifest; "(development build)" when run from classes, which have none. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line(Main.class.getPackage().getImplementationVersion())};
        }

        static String line(String implementationVersion) {
            return "newswire-tagger " + (implementationVersion == null || implementationVersion.isBlank()
                    ? "(development build)" : implementationVersion.strip());
        }
    }
}
