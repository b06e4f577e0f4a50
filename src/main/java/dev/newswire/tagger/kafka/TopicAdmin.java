package dev.newswire.tagger.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreatePartitionsOptions;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a Kafka cluster's topics in line with a list of {@link TopicSpec}s, idempotently.
 *
 * <p>Stateless; its methods may be called from any thread, sharing an {@link Admin} as Kafka allows.
 */
public final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration METADATA_RETRY_BACKOFF = Duration.ofMillis(100);

    private TopicAdmin() {
    }

    /**
     * Creates an admin client whose requests give up after {@code timeout}. The caller closes it.
     *
     * @param bootstrapServers {@code host:port[,host:port...]}
     * @param timeout          how long one admin call may take, at least 1 ms
     * @throws TopicAdminException if the client cannot be created, e.g. no bootstrap address resolves
     */
    public static Admin createAdmin(String bootstrapServers, Duration timeout) throws TopicAdminException {
        String timeoutMs = Long.toString(Math.max(1, timeout.toMillis()));
        Map<String, Object> props = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "newswire-topic-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try {
            return Admin.create(props);
        } catch (KafkaException e) {
            throw new TopicAdminException("Cannot create a Kafka admin client for " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Makes every spec'd topic exist as specified; running it again changes nothing.
     *
     * <ul>
     *   <li>A missing topic is created with its partitions, replication factor and configs. If another client
     *       creates it at the same moment, it is treated as an existing topic.</li>
     *   <li>An existing topic gets the spec's config values (only the keys the spec names, by incremental
     *       alter) and, if it has fewer partitions than the spec, more partitions. More partitions than the
     *       spec, or another replication factor, are logged and reported as warnings and left alone.</li>
     *   <li>Topics not in the specs are never touched.</li>
     * </ul>
     *
     * @param admin   a connected admin client, not closed here
     * @param specs   the wanted topics, with distinct names
     * @param timeout the time budget for the whole operation
     * @return one entry per spec, in spec order
     * @throws TopicAdminException if the cluster is unreachable within the timeout, refuses a request, or has
     *                             fewer brokers than the replication factor of a topic to create; topics
     *                             handled before the failure keep their changes
     */
    public static TopicReport ensureTopics(Admin admin, List<TopicSpec> specs, Duration timeout)
            throws TopicAdminException {
        requireDistinctNames(specs);
        Deadline deadline = new Deadline(timeout);
        Set<String> existing = await(admin.listTopics(new ListTopicsOptions().timeoutMs(deadline.remainingMs()))
                .names(), deadline, "list the topics");
        List<TopicSpec> missing = specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
        Set<String> created = createTopics(admin, missing, deadline);

        List<TopicSpec> toReconcile = specs.stream().filter(spec -> !created.contains(spec.name())).toList();
        Map<String, TopicState> states = describe(admin, toReconcile, deadline);
        Map<String, TopicReport.Entry> entries = new HashMap<>();
        for (TopicSpec spec : toReconcile) {
            entries.put(spec.name(), reconcile(admin, TopicDiff.between(spec, states.get(spec.name())), deadline));
        }
        created.forEach(name -> entries.put(name,
                new TopicReport.Entry(name, TopicReport.Outcome.CREATED, List.of(), List.of())));
        return new TopicReport(specs.stream().map(spec -> entries.get(spec.name())).toList());
    }

    private static Set<String> createTopics(Admin admin, List<TopicSpec> missing, Deadline deadline)
            throws TopicAdminException {
        if (missing.isEmpty()) {
            return Set.of();
        }
        requireEnoughBrokers(admin, missing, deadline);
        Map<String, KafkaFuture<Void>> results = admin.createTopics(
                missing.stream().map(TopicSpec::toNewTopic).toList(),
                new CreateTopicsOptions().timeoutMs(deadline.remainingMs())).values();
        Set<String> created = new HashSet<>();
        for (TopicSpec spec : missing) {
            if (awaitCreation(results.get(spec.name()), spec, deadline)) {
                log.info("Created topic {} with {} partitions, replication factor {}, configs {}",
                        spec.name(), spec.partitions(), spec.replicationFactor(), spec.configs());
                created.add(spec.name());
            }
        }
        return created;
    }

    /** Waits for one topic creation; false if another client created the topic first. */
    private static boolean awaitCreation(KafkaFuture<Void> result, TopicSpec spec, Deadline deadline)
            throws TopicAdminException {
        try {
            await(result, deadline, "create topic " + spec.name());
            return true;
        } catch (TopicAdminException e) {
            if (e.getCause() instanceof TopicExistsException) {
                log.info("Topic {} was created concurrently by another client; checking it against its spec",
                        spec.name());
                return false;
            }
            throw e;
        }
    }

    private static void requireEnoughBrokers(Admin admin, List<TopicSpec> toCreate, Deadline deadline)
            throws TopicAdminException {
        int brokers = await(admin.describeCluster(new DescribeClusterOptions().timeoutMs(deadline.remainingMs()))
                .nodes(), deadline, "describe the cluster").size();
        for (TopicSpec spec : toCreate) {
            if (spec.replicationFactor() > brokers) {
                throw new TopicAdminException("Cannot create topic " + spec.name() + " with replication factor "
                        + spec.replicationFactor() + ": the cluster has only " + brokers + " broker(s)");
            }
        }
    }

    /**
     * Describes the topics, waiting while the broker does not know one yet: a topic another client has just
     * created may reach the broker's metadata a moment after the controller reported it as existing.
     */
    private static Map<String, TopicState> describe(Admin admin, List<TopicSpec> specs, Deadline deadline)
            throws TopicAdminException {
        if (specs.isEmpty()) {
            return Map.of();
        }
        while (true) {
            try {
                return describeOnce(admin, specs, deadline);
            } catch (TopicAdminException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || deadline.hasPassed()) {
                    throw e;
                }
                log.debug("A topic is not in the broker's metadata yet, describing again: {}", e.getMessage());
                deadline.pause(METADATA_RETRY_BACKOFF);
            }
        }
    }

    private static Map<String, TopicState> describeOnce(Admin admin, List<TopicSpec> specs, Deadline deadline)
            throws TopicAdminException {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names,
                new DescribeTopicsOptions().timeoutMs(deadline.remainingMs())).allTopicNames(),
                deadline, "describe topics " + names);
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources,
                new DescribeConfigsOptions().timeoutMs(deadline.remainingMs())).all(),
                deadline, "describe the configs of topics " + names);
        Map<String, TopicState> states = new HashMap<>();
        for (TopicSpec spec : specs) {
            TopicDescription description = descriptions.get(spec.name());
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            states.put(spec.name(), new TopicState(spec.name(), description.partitions().size(),
                    description.partitions().get(0).replicas().size(), valuesOf(spec.configs().keySet(), config)));
        }
        return states;
    }

    private static Map<String, String> valuesOf(Collection<String> keys, Config config) {
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            ConfigEntry entry = config.get(key);
            if (entry != null && entry.value() != null) {
                values.put(key, entry.value());
            }
        }
        return values;
    }

    private static TopicReport.Entry reconcile(Admin admin, TopicDiff diff, Deadline deadline)
            throws TopicAdminException {
        diff.warnings().forEach(warning -> log.warn("Topic {} {}", diff.topic(), warning));
        if (diff.isEmpty()) {
            log.info("Topic {} already matches its spec", diff.topic());
            return new TopicReport.Entry(diff.topic(), TopicReport.Outcome.UNCHANGED, List.of(), diff.warnings());
        }
        if (!diff.configUpdates().isEmpty()) {
            alterConfigs(admin, diff, deadline);
        }
        if (diff.partitionsIncrease().isPresent()) {
            await(admin.createPartitions(
                    Map.of(diff.topic(), NewPartitions.increaseTo(diff.partitionsIncrease().getAsInt())),
                    new CreatePartitionsOptions().timeoutMs(deadline.remainingMs())).all(),
                    deadline, "add partitions to topic " + diff.topic());
        }
        log.info("Updated topic {}: {}", diff.topic(), diff.changes());
        return new TopicReport.Entry(diff.topic(), TopicReport.Outcome.UPDATED, diff.changes(), diff.warnings());
    }

    private static void alterConfigs(Admin admin, TopicDiff diff, Deadline deadline) throws TopicAdminException {
        List<AlterConfigOp> ops = new ArrayList<>();
        diff.configUpdates().forEach((key, value) ->
                ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, diff.topic());
        await(admin.incrementalAlterConfigs(Map.of(resource, ops),
                new AlterConfigsOptions().timeoutMs(deadline.remainingMs())).all(),
                deadline, "alter the configs " + diff.configUpdates().keySet() + " of topic " + diff.topic());
    }

    private static void requireDistinctNames(List<TopicSpec> specs) {
        Set<String> duplicates = specs.stream()
                .collect(Collectors.groupingBy(TopicSpec::name, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("topic specs name these topics more than once: " + duplicates);
        }
    }

    private static <T> T await(KafkaFuture<T> future, Deadline deadline, String what) throws TopicAdminException {
        try {
            return future.get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw deadline.expired(what, cause);
            }
            throw new TopicAdminException("Could not " + what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw deadline.expired(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("Interrupted while trying to " + what, e);
        }
    }

    /** The time left of one operation's budget. */
    private static final class Deadline {
        private final Duration budget;
        private final long endNanos;

        Deadline(Duration budget) {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + budget);
            }
            this.budget = budget;
            this.endNanos = System.nanoTime() + budget.toNanos();
        }

        /** Sleeps for the backoff or until the deadline, whichever is sooner. */
        void pause(Duration backoff) throws TopicAdminException {
            try {
                Thread.sleep(Math.min(backoff.toMillis(), remainingMs()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicAdminException("Interrupted while waiting for topic metadata", e);
            }
        }

        /** Milliseconds left, at least 1 so that a last call still gets a chance to answer. */
        int remainingMs() {
            long ms = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
        }

        boolean hasPassed() {
            return System.nanoTime() - endNanos >= 0;
        }

        TopicAdminException expired(String what, Throwable cause) {
            return new TopicAdminException("No answer from the Kafka cluster within " + budget.toMillis()
                    + " ms while trying to " + what + " (is the broker reachable?): " + cause.getMessage(), cause);
        }
    }
}
