package dev.newswire.tagger.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker inside this JVM: one KRaft node in combined broker and controller mode,
 * listening on 127.0.0.1 only, with its data in a fresh temporary folder that {@link #close()} deletes.
 *
 * <p>Meant for the integration tests and the {@code demo}/{@code bench} commands. The settings suit one node
 * (replication factor 1 for the internal topics, no initial rebalance delay, transactions usable for
 * {@code exactly_once_v2}), topics are never auto-created, and records up to {@link #MESSAGE_MAX_BYTES} are
 * accepted, enough for the model topic's bundles.
 *
 * <p>Start-up formats the storage with a fresh cluster id through Kafka's own {@code kafka-storage format}
 * ({@link StorageTool}), then starts a {@link KafkaRaftServer}; it returns once the broker is unfenced and
 * serving, typically within a few seconds. Like a standalone broker, a fatal broker fault may halt the JVM.
 *
 * <p>The broker can be stopped and started again during its life ({@link #stop()}, {@link #restart()}): the same
 * node on the same ports with the same data and cluster id, as an operator's restart of a real broker would be.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /**
     * Largest record batch the broker accepts, in bytes: the 32 MiB {@code max.message.bytes} of the model
     * topic plus 1 MiB of headroom for headers and batch overhead.
     */
    public static final int MESSAGE_MAX_BYTES = 33 * 1024 * 1024;

    /** Broker properties that {@link #start(int, Map)} sets itself and refuses to take as extras. */
    public static final Set<String> RESERVED_PROPERTIES = Set.of(
            "process.roles", "node.id", "listeners", "advertised.listeners", "listener.security.protocol.map",
            "inter.broker.listener.name", "controller.listener.names", "controller.quorum.voters",
            "controller.quorum.bootstrap.servers", "log.dirs", "log.dir", "metadata.log.dir");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "BROKER";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final Map<String, String> properties;
    private final String bootstrapServers;
    private final String clusterId;
    /** The running server; null while stopped. Guarded by {@code this}. */
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path directory, Map<String, String> properties,
                                String bootstrapServers, String clusterId) {
        this.server = server;
        this.directory = directory;
        this.properties = Map.copyOf(properties);
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
    }

    /**
     * Starts a broker on free ports with the default settings.
     *
     * @throws IOException if the data folder cannot be prepared or the broker does not start
     */
    public static EmbeddedKafkaBroker start() throws IOException {
        return start(0, Map.of());
    }

    /**
     * Starts a broker on free ports with extra broker properties, which override the defaults.
     *
     * @param extraProperties broker properties, e.g. {@code num.partitions}; none of {@link #RESERVED_PROPERTIES}
     * @throws IOException if the data folder cannot be prepared or the broker does not start
     */
    public static EmbeddedKafkaBroker start(Map<String, String> extraProperties) throws IOException {
        return start(0, extraProperties);
    }

    /**
     * Starts a broker whose client listener is on the given port (the controller listener takes a free one).
     *
     * @param port            client port on 127.0.0.1, or 0 for a free one
     * @param extraProperties broker properties overriding the defaults; none of {@link #RESERVED_PROPERTIES}
     * @throws IOException if the data folder cannot be prepared or the broker does not start, e.g. because
     *                     the port is taken
     */
    public static EmbeddedKafkaBroker start(int port, Map<String, String> extraProperties) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
        }
        Set<String> reserved = extraProperties.keySet().stream()
                .filter(RESERVED_PROPERTIES::contains).collect(Collectors.toSet());
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("the embedded broker sets these properties itself: " + reserved);
        }
        if (port != 0) {
            requireFree(port);
        }
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePortOtherThan(brokerPort);
            try {
                return startOnce(brokerPort, controllerPort, extraProperties);
            } catch (IOException e) {
                // A free port can be taken by another process between probing and binding; probe again.
                if (attempt >= START_ATTEMPTS || !isBindFailure(e)) {
                    throw e;
                }
                log.warn("Embedded Kafka broker could not bind port {} or {}, retrying: {}",
                        brokerPort, controllerPort, e.getMessage());
            }
        }
    }

    /** The client address, {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The folder holding the broker's data and configuration; deleted by {@link #close()}. */
    public Path dataDirectory() {
        return directory;
    }

    /** The cluster id the storage was formatted with, fresh for every broker. */
    public String clusterId() {
        return clusterId;
    }

    /** Whether the broker is serving: true from start until {@link #stop()} or {@link #close()}, and after {@link #restart()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Shuts the broker down cleanly and waits until it has stopped, keeping its data folder, ports and cluster id
     * for {@link #restart()}. Clients see a broker that went away. Does nothing if it is stopped already.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void stop() {
        requireOpen();
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        stop(server);
        server = null;
        log.info("Embedded Kafka broker {} stopped in {} ms, data kept in {}", bootstrapServers, elapsedMs(started),
                directory);
    }

    /**
     * Starts the broker again on the same ports, with the same data and cluster id; a running broker is
     * {@linkplain #stop() stopped} first. Returns once the broker is serving again.
     *
     * @throws IOException           if it does not start, e.g. because another process took one of its ports
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void restart() throws IOException {
        stop();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                server = startServer(properties);
                break;
            } catch (IOException e) {
                // Its own ports were free a moment ago; another process's connection may hold one briefly.
                if (attempt >= START_ATTEMPTS || !isBindFailure(e)) {
                    throw e;
                }
                log.warn("Embedded Kafka broker could not bind its ports again, retrying: {}", e.getMessage());
                sleep(Duration.ofMillis(500L * attempt));
            }
        }
        log.info("Embedded Kafka broker restarted at {} in {} ms (cluster id {}, data {})", bootstrapServers,
                elapsedMs(started), clusterId, directory);
    }

    /**
     * Stops the broker if it runs, waits until it has stopped, and deletes its data folder. Does nothing the
     * second time.
     *
     * @throws UncheckedIOException if the data folder cannot be deleted
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        try {
            if (server != null) {
                stop(server);
                server = null;
            }
        } finally {
            deleteRecursively(directory);
        }
        log.info("Embedded Kafka broker {} stopped in {} ms, data folder {} deleted", bootstrapServers,
                elapsedMs(started), directory);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the embedded Kafka broker " + bootstrapServers + " is closed");
        }
    }

    /**
     * The broker properties for one node; pure, visible for tests.
     *
     * @param logDir          folder for the partition and metadata logs
     * @param brokerPort      client listener port
     * @param controllerPort  controller listener port
     * @param extraProperties overrides of the defaults
     */
    static Map<String, String> brokerProperties(Path logDir, int brokerPort, int controllerPort,
                                                Map<String, String> extraProperties) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("log.dirs", logDir.toString());
        props.putAll(singleNodeDefaults());
        props.putAll(extraProperties);
        return props;
    }

    private static Map<String, String> singleNodeDefaults() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("group.streams.initial.rebalance.delay.ms", "0");
        props.put("message.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
        props.put("replica.fetch.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
        props.put("auto.create.topics.enable", "false");
        // The log cleaner (needed by compacted topics) preallocates this buffer; its 128 MiB default is for servers.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return props;
    }

    private static EmbeddedKafkaBroker startOnce(int brokerPort, int controllerPort, Map<String, String> extra)
            throws IOException {
        long started = System.nanoTime();
        Path directory = Files.createTempDirectory("newswire-kafka-");
        try {
            Map<String, String> props = brokerProperties(directory.resolve("log"), brokerPort, controllerPort, extra);
            String clusterId = Uuid.randomUuid().toString();
            format(directory.resolve("server.properties"), props, clusterId);
            long formatted = System.nanoTime();
            KafkaRaftServer server = startServer(props);
            String bootstrapServers = HOST + ":" + brokerPort;
            log.info("Embedded Kafka broker started at {} in {} ms, {} of them formatting (cluster id {}, data {})",
                    bootstrapServers, elapsedMs(started), elapsedMs(started) - elapsedMs(formatted), clusterId,
                    directory);
            return new EmbeddedKafkaBroker(server, directory, props, bootstrapServers, clusterId);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    /** Formats the storage of a new single-node cluster, as {@code kafka-storage.sh format} does. */
    private static void format(Path configFile, Map<String, String> props, String clusterId) throws IOException {
        writeProperties(configFile, props);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "--config", configFile.toString(), "--cluster-id", clusterId}, out);
        } catch (RuntimeException e) {
            throw new IOException("Could not format the embedded Kafka storage in " + configFile.getParent()
                    + ": " + e.getMessage(), e);
        }
        String text = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IOException("Could not format the embedded Kafka storage in " + configFile.getParent()
                    + " (exit code " + exitCode + "): " + text);
        }
        log.debug("Formatted embedded Kafka storage: {}", text);
    }

    private static void writeProperties(Path file, Map<String, String> props) throws IOException {
        Properties properties = new Properties();
        properties.putAll(props);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "newswire-tagger embedded single-node Kafka broker");
        }
    }

    /** Starts a server on the formatted storage of {@code props}; stopped again if it fails to start. */
    private static KafkaRaftServer startServer(Map<String, String> props) throws IOException {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            stop(server);
            throw new IOException("Embedded Kafka broker failed to start on " + props.get("listeners") + ": "
                    + e.getMessage(), e);
        }
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Embedded Kafka broker did not shut down cleanly", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            log.debug("Port {} on {} is free", socket.getLocalPort(), HOST);
        } catch (BindException e) {
            throw new IOException("Cannot start the embedded Kafka broker: port " + port + " on " + HOST
                    + " is already in use", e);
        }
    }

    private static int freePortOtherThan(int taken) throws IOException {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the embedded Kafka data folder " + root, e);
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restarting the embedded Kafka broker", e);
        }
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
