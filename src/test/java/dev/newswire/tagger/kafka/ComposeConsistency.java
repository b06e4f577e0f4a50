package dev.newswire.tagger.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that docker-compose.yml agrees with the topic specs, the run configuration and the pom: pure
 * functions from parsed inputs to a list of problems (empty when everything agrees).
 *
 * @param compose        docker-compose.yml, parsed
 * @param topics         the topic specs
 * @param taggerConfig   config/tagger.properties
 * @param kafkaVersion   the pom's {@code kafka.version}
 * @param existingFiles  repository-relative paths of files that exist, e.g. {@code topics/topics.json}
 */
record ComposeConsistency(JsonNode compose, List<TopicSpec> topics, Properties taggerConfig, String kafkaVersion,
                          Set<String> existingFiles) {

    static final String KAFKA = "kafka";
    static final String TOPICS = "topics";
    static final String TAGGER = "tagger";
    static final String JAR = "target/newswire-tagger.jar";

    /** Every problem found, one line each. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        problems.addAll(brokerProblems());
        problems.addAll(topicsServiceProblems());
        problems.addAll(taggerServiceProblems());
        problems.addAll(configuredTopicProblems());
        return problems;
    }

    /** The broker image and the broker's settings against the topic specs. */
    List<String> brokerProblems() {
        List<String> problems = new ArrayList<>();
        String image = service(KAFKA).path("image").asText();
        if (!image.equals("apache/kafka:" + kafkaVersion)) {
            problems.add("kafka image is '" + image + "', expected apache/kafka:" + kafkaVersion + " (the pom's)");
        }
        Map<String, String> env = environment(KAFKA);
        String roles = env.getOrDefault("KAFKA_PROCESS_ROLES", "").replace(" ", "");
        if (!roles.matches("broker,controller|controller,broker")) {
            problems.add("kafka is not a combined broker,controller node: " + env.get("KAFKA_PROCESS_ROLES"));
        }
        if (!"false".equals(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))) {
            problems.add("kafka must not auto-create topics (KAFKA_AUTO_CREATE_TOPICS_ENABLE=false)");
        }
        long brokerLimit = parseLong(env.get("KAFKA_MESSAGE_MAX_BYTES")).orElse(1_048_588L);
        for (TopicSpec topic : topics) {
            long topicLimit = parseLong(topic.configs().get("max.message.bytes")).orElse(0L);
            if (topicLimit > brokerLimit) {
                problems.add("topic " + topic.name() + " allows " + topicLimit + "-byte records but kafka's "
                        + "KAFKA_MESSAGE_MAX_BYTES is " + brokerLimit);
            }
            if (topic.replicationFactor() > 1) {
                problems.add("topic " + topic.name() + " has replication factor " + topic.replicationFactor()
                        + " but the compose cluster has one broker");
            }
        }
        if (service(KAFKA).path("healthcheck").path("test").isMissingNode()) {
            problems.add("kafka has no healthcheck, so depends_on: service_healthy can never be met");
        }
        return problems;
    }

    /** The one-shot topics service: the jar, the repository's topics file, the create command, the address. */
    List<String> topicsServiceProblems() {
        List<String> problems = new ArrayList<>(jarProblems(TOPICS));
        List<String> command = command(TOPICS);
        if (!containsSequence(command, List.of(TOPICS, "create"))) {
            problems.add("topics service does not run 'topics create': " + command);
        }
        String file = optionValue(command, "--file").orElse("");
        if (!hostPath(TOPICS, file).equals(Optional.of("topics/topics.json"))) {
            problems.add("topics service's --file '" + file + "' is not the repository's topics/topics.json");
        }
        problems.addAll(bootstrapProblems(TOPICS, optionValue(command, "--bootstrap-servers").orElse("")));
        problems.addAll(dependencyProblems(TOPICS, KAFKA, "service_healthy"));
        return problems;
    }

    /** The tagger service: the jar, the mounted run configuration, the run command, the address. */
    List<String> taggerServiceProblems() {
        List<String> problems = new ArrayList<>(jarProblems(TAGGER));
        List<String> command = command(TAGGER);
        String config = optionValue(command, "--config").orElse("");
        if (!containsSequence(command, List.of("run", "--config", "/config/tagger.properties"))) {
            problems.add("tagger does not run 'run --config /config/tagger.properties': " + command);
        }
        Optional<String> configOnHost = hostPath(TAGGER, config);
        if (!configOnHost.equals(Optional.of("config/tagger.properties"))) {
            problems.add("tagger's --config '" + config + "' is not the repository's config/tagger.properties");
        }
        Map<String, String> env = environment(TAGGER);
        problems.addAll(bootstrapProblems(TAGGER, env.getOrDefault("NEWSWIRE_BOOTSTRAP_SERVERS", "")));
        for (String variable : env.keySet()) {
            if (variable.startsWith("NEWSWIRE_") && configKeyFor(variable).isEmpty()) {
                problems.add("tagger's " + variable + " overrides no key of config/tagger.properties");
            }
        }
        problems.addAll(dependencyProblems(TAGGER, TOPICS, "service_completed_successfully"));
        String hostBootstrap = taggerConfig.getProperty("bootstrap.servers", "");
        if (!publishedAdvertisedAddresses().contains(hostBootstrap)) {
            problems.add("config/tagger.properties bootstrap.servers=" + hostBootstrap + " is not an advertised "
                    + "listener of kafka published to the host " + publishedAdvertisedAddresses());
        }
        return problems;
    }

    /** Every {@code *.topic} key of the run configuration names a declared topic. */
    List<String> configuredTopicProblems() {
        Set<String> declared = new TreeSet<>(topics.stream().map(TopicSpec::name).toList());
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(taggerConfig.stringPropertyNames())) {
            String topic = taggerConfig.getProperty(key).strip();
            if (key.endsWith(".topic") && !declared.contains(topic)) {
                problems.add("config/tagger.properties " + key + "=" + topic
                        + " is not declared in topics/topics.json " + declared);
            }
        }
        return problems;
    }

    /** Addresses ({@code host:port}) kafka advertises, by listener name. */
    Map<String, String> advertisedListeners() {
        Map<String, String> listeners = new LinkedHashMap<>();
        for (String listener : environment(KAFKA).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").split(",")) {
            String[] nameAndAddress = listener.strip().split("://", 2);
            if (nameAndAddress.length == 2) {
                listeners.put(nameAndAddress[0], nameAndAddress[1]);
            }
        }
        return listeners;
    }

    private List<String> bootstrapProblems(String service, String bootstrap) {
        Set<String> inNetwork = new TreeSet<>();
        String brokerHost = service(KAFKA).path("hostname").asText(KAFKA);
        advertisedListeners().values().stream()
                .filter(address -> address.startsWith(brokerHost + ":") || address.startsWith(KAFKA + ":"))
                .forEach(inNetwork::add);
        if (!inNetwork.contains(bootstrap)) {
            return List.of(service + " uses bootstrap servers '" + bootstrap + "', which is not an advertised "
                    + "in-network listener of kafka " + inNetwork);
        }
        return List.of();
    }

    private Set<String> publishedAdvertisedAddresses() {
        Set<String> published = new TreeSet<>();
        for (JsonNode port : service(KAFKA).path("ports")) {
            String[] parts = port.asText().split(":");
            String hostPort = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
            advertisedListeners().values().stream()
                    .filter(address -> address.equals("localhost:" + hostPort)
                            || address.equals("127.0.0.1:" + hostPort))
                    .forEach(published::add);
        }
        return published;
    }

    private List<String> jarProblems(String service) {
        List<String> command = command(service);
        String jar = optionValue(command, "-jar").orElse("");
        if (!hostPath(service, jar).equals(Optional.of(JAR))) {
            return List.of(service + " runs '" + jar + "', which is not the mounted ./" + JAR);
        }
        return List.of();
    }

    private List<String> dependencyProblems(String service, String dependency, String condition) {
        String actual = service(service).path("depends_on").path(dependency).path("condition").asText();
        if (!actual.equals(condition)) {
            return List.of(service + " must depend on " + dependency + " with condition " + condition
                    + ", has '" + actual + "'");
        }
        return List.of();
    }

    /**
     * The repository-relative file behind a path inside a service's container, through its bind mounts, if
     * that file exists.
     */
    private Optional<String> hostPath(String service, String containerPath) {
        for (JsonNode volume : service(service).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length < 2 || !parts[0].startsWith("./")) {
                continue;
            }
            String source = parts[0].substring(2);
            String target = parts[1];
            String candidate = null;
            if (containerPath.equals(target)) {
                candidate = source;
            } else if (containerPath.startsWith(target + "/")) {
                candidate = source + containerPath.substring(target.length());
            }
            if (candidate != null && (existingFiles.contains(candidate) || candidate.equals(JAR))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The tagger.properties key an environment variable overrides: NEWSWIRE_ + key, upper case, . and - as _. */
    private Optional<String> configKeyFor(String variable) {
        return taggerConfig.stringPropertyNames().stream()
                .filter(key -> variable.equals("NEWSWIRE_" + key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")))
                .findFirst();
    }

    private JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    /** A service's environment, in map or list ({@code KEY=value}) form. */
    private Map<String, String> environment(String service) {
        JsonNode env = service(service).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (env.isObject()) {
            env.properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
        } else {
            for (JsonNode entry : env) {
                String[] keyValue = entry.asText().split("=", 2);
                variables.put(keyValue[0], keyValue.length == 2 ? keyValue[1] : "");
            }
        }
        return variables;
    }

    /** A service's command as words, from list or string form. */
    private List<String> command(String service) {
        JsonNode command = service(service).path("command");
        if (command.isTextual()) {
            return Arrays.asList(command.asText().strip().split("\\s+"));
        }
        List<String> words = new ArrayList<>();
        command.forEach(word -> words.add(word.asText()));
        return words;
    }

    private static Optional<String> optionValue(List<String> command, String option) {
        int index = command.indexOf(option);
        return index >= 0 && index + 1 < command.size() ? Optional.of(command.get(index + 1)) : Optional.empty();
    }

    private static boolean containsSequence(List<String> words, List<String> sequence) {
        return Collections.indexOfSubList(words, sequence) >= 0;
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
