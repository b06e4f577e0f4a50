package dev.newswire.tagger.cli;

import dev.newswire.tagger.kafka.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code broker}: the project's single-node KRaft broker (the one the demo, the bench and the tests embed) in a
 * process of its own, for trying the tagger or benchmarking it without the broker in the same JVM.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker (KRaft, from the Kafka jars) on 127.0.0.1 until stopped (Ctrl-C).",
                "For local use: trying `run`, or `bench --bootstrap-servers` with the broker outside the measured JVM.",
                "Its data lives in a temporary folder that is deleted when it stops. Exit codes: 0 stopped, 1 did not start,",
                "2 usage error."})
final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9092", description = "Port on 127.0.0.1, 0 = any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "newswire-broker-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("broker ready at " + broker.bootstrapServers() + " (data in " + broker.dataDirectory() + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }
}
