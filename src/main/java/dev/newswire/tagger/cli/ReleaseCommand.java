package dev.newswire.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newswire.tagger.NewswireException;
import dev.newswire.tagger.model.ModelRelease;
import dev.newswire.tagger.stream.ModelPublisher;
import dev.newswire.tagger.stream.ModelTopicClient;
import dev.newswire.tagger.stream.ModelTopicState;
import dev.newswire.tagger.stream.ReleaseChanges;
import dev.newswire.tagger.stream.ReleasePlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code release}: shows and changes the release record of a model. Wiring only: {@link ReleaseChanges} decides,
 * {@link ModelPublisher} signs and writes.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Show or change which version of a model is active, shadow or canary.",
            "Every version a release points at must have its bundle on the model topic."},
        subcommands = {ReleaseCommand.Show.class, ReleaseCommand.Activate.class, ReleaseCommand.Rollback.class,
            ReleaseCommand.Shadow.class, ReleaseCommand.CanaryCommand.class, ReleaseCommand.Promote.class})
final class ReleaseCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: try 'release show', 'activate', 'rollback', 'shadow', 'canary' or 'promote'");
    }

    /** {@code --name}: which model; by default the only one on the topic. */
    static final class NameOption {
        @Option(names = "--name", paramLabel = "NAME",
                description = "The model (default: the only model name on the topic).")
        String name;

        String resolve(ModelTopicState state) {
            if (name != null) {
                return name;
            }
            return state.onlyName().orElseThrow(() -> new NewswireException(state.names().isEmpty()
                    ? "the model topic holds no model yet"
                    : "the model topic holds several models (" + String.join(", ", state.names())
                            + "): say which with --name"));
        }
    }

    /** {@code release show}: prints the release record as JSON. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the release record of a model as JSON.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ModelTopicOptions topic;

        @Mixin
        NameOption name;

        @Override
        public Integer call() {
            return CommandFailures.run(spec, () -> {
                try (ModelTopicClient client = topic.open()) {
                    ModelTopicState state = client.readAll(topic.timeout);
                    String model = name.resolve(state);
                    Optional<ModelRelease> release = state.release(model);
                    PrintWriter out = spec.commandLine().getOut();
                    out.println(release.isPresent() ? JSON.writeValueAsString(JSON.readTree(release.get().toJson()))
                            : "no release for " + model);
                    out.flush();
                    return 0;
                }
            });
        }
    }

    /** What every release change shares: read the topic, plan, sign and write. */
    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ModelTopicOptions topic;

        @Mixin
        NameOption name;

        @Option(names = "--reason", paramLabel = "TEXT", description = "The reason recorded in the release.")
        String reason;

        @Mixin
        SigningKeyOption signing;

        /** The planned change; {@code reason} is null for the operation's default. */
        abstract ReleasePlan plan(ModelTopicState state, String model, Instant now, String reason);

        /** Checks the arguments before Kafka is asked anything; throws a {@link ParameterException}. */
        void validate() {
        }

        @Override
        public Integer call() {
            validate();
            return CommandFailures.run(spec, this::change);
        }

        private int change() throws IOException {
            KeyPair key = signing.load();
            try (ModelTopicClient client = topic.open()) {
                ModelPublisher publisher = new ModelPublisher(client, key, Clock.systemUTC(), topic.timeout);
                ModelTopicState state = publisher.readState();
                ReleasePlan plan = plan(state, name.resolve(state), Instant.now(), reason);
                if (plan.isRefused()) {
                    return CommandFailures.fail(spec, plan.refusal());
                }
                publisher.apply(plan);
                PublishOutput.printRelease(spec.commandLine().getOut(), plan, publisher.signingKeyId());
                return 0;
            }
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Make VERSION active; the version active now becomes previous.")
    static final class Activate extends Change {
        @Parameters(paramLabel = "VERSION", description = "A version with a bundle on the topic.")
        String version;

        @Override
        ReleasePlan plan(ModelTopicState state, String model, Instant now, String why) {
            return ReleaseChanges.activate(state, model, version, now, why);
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make the previous version active again; the version active now becomes previous.")
    static final class Rollback extends Change {
        @Override
        ReleasePlan plan(ModelTopicState state, String model, Instant now, String why) {
            return ReleaseChanges.rollback(state, model, now, why);
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Make the canary version active and end the canary; the version active now becomes previous.")
    static final class Promote extends Change {
        @Override
        ReleasePlan plan(ModelTopicState state, String model, Instant now, String why) {
            return ReleaseChanges.promote(state, model, now, why);
        }
    }

    @Command(name = "shadow", mixinStandardHelpOptions = true,
            description = "Make VERSION the shadow (it scores every article and serves none), or --clear the shadow.")
    static final class Shadow extends Change {
        @Parameters(arity = "0..1", paramLabel = "VERSION", description = "A version with a bundle on the topic.")
        String version;

        @Option(names = "--clear", description = "Remove the shadow.")
        boolean clear;

        @Override
        void validate() {
            if (clear == (version != null)) {
                throw new ParameterException(spec.commandLine(), "give either VERSION or --clear");
            }
        }

        @Override
        ReleasePlan plan(ModelTopicState state, String model, Instant now, String why) {
            return ReleaseChanges.shadow(state, model, version, now, why);
        }
    }

    @Command(name = "canary", mixinStandardHelpOptions = true,
            description = "Serve PCT percent (1-99) of the articles with VERSION, or --clear the canary.")
    static final class CanaryCommand extends Change {
        @Parameters(index = "0", arity = "0..1", paramLabel = "VERSION", description = "A version with a bundle on the topic.")
        String version;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PCT", description = "Percent of articles, 1 to 99.")
        Integer percent;

        @Option(names = "--clear", description = "End the canary.")
        boolean clear;

        @Override
        void validate() {
            if (clear ? version != null : version == null || percent == null) {
                throw new ParameterException(spec.commandLine(), "give either VERSION PCT or --clear");
            }
        }

        @Override
        ReleasePlan plan(ModelTopicState state, String model, Instant now, String why) {
            return ReleaseChanges.canary(state, model, version, clear ? 0 : percent, now, why);
        }
    }
}
