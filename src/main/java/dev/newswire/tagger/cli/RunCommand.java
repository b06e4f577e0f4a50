package dev.newswire.tagger.cli;

import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.stream.SignaturePolicy;
import dev.newswire.tagger.stream.TaggerConfig;
import dev.newswire.tagger.stream.TaggerRuntime;
import dev.newswire.tagger.stream.TrustedKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}: the stream processor against any Kafka cluster, until SIGTERM or a failure it gives up on. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the tagger against a Kafka cluster until stopped (SIGTERM/Ctrl-C: clean shutdown).",
                "Environment variables NEWSWIRE_<KEY> override the properties file (bootstrap.servers -> NEWSWIRE_BOOTSTRAP_SERVERS).",
                "A stream thread that dies of an unexpected exception is replaced, up to failure.max.thread.replacements "
                        + "times within failure.thread.replacement.window.ms; the next failure shuts the application "
                        + "down with exit code 3."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean shutdown (also after SIGTERM or Ctrl-C)", "1:bad configuration or model",
                "2:invalid command line",
                "3:the application failed: a stream thread died more often than the failure policy allows, "
                        + "or Kafka Streams stopped in its ERROR state"})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final int EXIT_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "config/tagger.properties", description = "Properties file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--max-thread-replacements", paramLabel = "N",
            description = "Overrides failure.max.thread.replacements: how often a dead stream thread is replaced "
                    + "within the window before the application shuts down, 0 or more.")
    Integer maxThreadReplacements;

    @Override
    public Integer call() throws Exception {
        if (maxThreadReplacements != null && maxThreadReplacements < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--max-thread-replacements must be 0 or more, got " + maxThreadReplacements);
        }
        TaggerConfig tagger = TaggerConfig.load(config, System.getenv());
        ModelBundle model = EmbeddedModel.loadOrDefault(tagger.modelPath());
        LOG.info("Tagging {} into {}; fallback model {}@{} (id {})", tagger.inputTopic(), tagger.outputTopic(),
                model.name(), model.version(), model.id());
        SignaturePolicy signatures = TrustedKeys.policy(tagger.trustedKeys());
        TaggerRuntime runtime = maxThreadReplacements == null ? new TaggerRuntime(tagger, model, signatures)
                : new TaggerRuntime(tagger, model, signatures, maxThreadReplacements);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAndHalt(runtime), "newswire-shutdown"));
        runtime.start();
        boolean failed = runtime.awaitTermination();
        return exitCodeAfterShutdown(failed);
    }

    /**
     * The shutdown hook: closes the application, then halts with its exit code. Halting is what makes a clean
     * shutdown on SIGTERM exit with 0 (the JVM would exit with 143); a failure to close counts as a failure.
     */
    private static void closeAndHalt(TaggerRuntime runtime) {
        boolean closed = false;
        try {
            runtime.close();
            closed = true;
        } finally {
            int code = exitCodeAfterShutdown(!closed || runtime.service().failed());
            LOG.info("Shut down; exit code {}", code);
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
    }

    /** The exit code once the application has stopped: 0 after a clean shutdown, {@value #EXIT_FAILED} if it failed. */
    static int exitCodeAfterShutdown(boolean failed) {
        return failed ? EXIT_FAILED : 0;
    }
}
