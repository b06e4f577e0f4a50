package dev.newswire.tagger.cli;

import dev.newswire.tagger.model.EmbeddedModel;
import dev.newswire.tagger.model.ModelBundle;
import dev.newswire.tagger.stream.TaggerConfig;
import dev.newswire.tagger.stream.TaggerRuntime;
import dev.newswire.tagger.stream.TrustedKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}: the stream processor against any Kafka cluster, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the tagger against a Kafka cluster until stopped (SIGTERM/Ctrl-C: clean shutdown).",
                "Environment variables NEWSWIRE_<KEY> override the properties file (bootstrap.servers -> NEWSWIRE_BOOTSTRAP_SERVERS).",
                "Exit codes: 0 clean shutdown, 1 bad configuration or model, 3 the application failed."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final int EXIT_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "config/tagger.properties", description = "Properties file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--max-thread-replacements", defaultValue = "3",
            description = "How often a dead stream thread is replaced before the application shuts down (default: ${DEFAULT-VALUE}).")
    int maxThreadReplacements;

    @Override
    public Integer call() throws Exception {
        TaggerConfig tagger = TaggerConfig.load(config, System.getenv());
        ModelBundle model = EmbeddedModel.loadOrDefault(tagger.modelPath());
        LOG.info("Tagging {} into {}; fallback model {}@{} (id {})", tagger.inputTopic(), tagger.outputTopic(),
                model.name(), model.version(), model.id());
        TaggerRuntime runtime = new TaggerRuntime(tagger, model, TrustedKeys.policy(tagger.trustedKeys()), maxThreadReplacements);
        Thread hook = new Thread(runtime::close, "newswire-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runtime.start();
        boolean failed = runtime.awaitTermination();
        return failed ? EXIT_FAILED : 0;
    }
}
