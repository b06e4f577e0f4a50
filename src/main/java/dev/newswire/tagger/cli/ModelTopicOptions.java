package dev.newswire.tagger.cli;

import dev.newswire.tagger.stream.ModelTopicClient;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the model topic is: used as a mixin by the model commands and as an argument group by {@code train}. */
final class ModelTopicOptions {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--topic", defaultValue = "newswire-models", paramLabel = "TOPIC",
            description = "The model topic (default: ${DEFAULT-VALUE}).")
    String topic = "newswire-models";

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION",
            converter = TopicsCommand.DurationConverter.class,
            description = "How long Kafka may take to answer, e.g. 10s, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(30);

    ModelTopicClient open() {
        return new ModelTopicClient(bootstrapServers, topic, timeout);
    }
}
