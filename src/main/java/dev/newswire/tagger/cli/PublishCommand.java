package dev.newswire.tagger.cli;

import dev.newswire.tagger.stream.ModelPublisher;
import dev.newswire.tagger.stream.ModelTopicClient;
import dev.newswire.tagger.stream.PublishDecision;
import dev.newswire.tagger.stream.PublishOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code publish}: writes a model bundle to the model topic and, optionally, points a release at it. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Validate a model bundle and publish it to the model topic under its name@version; with "
                + "--activate, --shadow or --canary also publish the model's new release record.",
            "A version already on the topic with other bytes is refused; with the same bytes it is not written again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published, or nothing to do", "1:refused, invalid bundle or key, or Kafka failed",
            "2:invalid command line"})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE.zip", description = "The bundle to publish.")
    Path model;

    @Mixin
    ModelTopicOptions topic;

    @Mixin
    PublishFlags flags;

    @Override
    public Integer call() {
        PublishOptions options = flags.options(spec);
        return CommandFailures.run(spec, () -> publish(spec, model, topic, flags.signingKey(), options));
    }

    /** Publishes {@code bundle}; shared with {@code train --publish}. */
    static int publish(CommandSpec spec, Path bundle, ModelTopicOptions topic, KeyPair signingKey,
                       PublishOptions options) throws java.io.IOException {
        try (ModelTopicClient client = topic.open()) {
            ModelPublisher publisher = new ModelPublisher(client, signingKey, Clock.systemUTC(), topic.timeout);
            PublishDecision decision = publisher.publish(bundle, options);
            return PublishOutput.print(spec, decision, publisher.signingKeyId(), (int) Files.size(bundle));
        }
    }
}
