package dev.newswire.tagger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswire-tagger} command and its subcommands. */
@Command(name = "newswire-tagger", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Real-time topic tagging of newswire articles with Kafka Streams and an embedded MLP.",
        subcommands = {DemoCommand.class, RunCommand.class, ClassifyCommand.class, TrainCommand.class,
                EvaluateCommand.class, TopicsCommand.class, KeysCommand.class, PublishCommand.class,
                ReleaseCommand.class, ModelsCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"newswire-tagger " + (v == null ? "(development build)" : v)};
        }
    }
}
