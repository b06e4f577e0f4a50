package dev.newswire.tagger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * docker-compose.yml cannot be run here, so this checks that it agrees with topics/topics.json,
 * config/tagger.properties and the pom. The tests after the first prove each check can fail.
 */
class DockerComposeTest {

    private JsonNode compose;
    private List<TopicSpec> topics;
    private Properties taggerConfig;
    private String kafkaVersion;
    private Set<String> existingFiles;

    @BeforeEach
    void readTheRepositoryFiles() throws Exception {
        compose = new YAMLMapper().readTree(RepoFiles.resolve("docker-compose.yml").toFile());
        topics = TopicSpecs.load(RepoFiles.resolve("topics/topics.json"));
        taggerConfig = new Properties();
        try (Reader reader = Files.newBufferedReader(RepoFiles.resolve("config/tagger.properties"))) {
            taggerConfig.load(reader);
        }
        kafkaVersion = pomProperty("kafka.version");
        existingFiles = repositoryFiles("topics", "config");
    }

    @Test
    void shouldAgreeWithTheTopicsTheRunConfigurationAndThePom() {
        assertThat(check().problems()).isEmpty();
    }

    @Test
    void shouldRunTheBrokerImageOfThePomsKafkaVersion() {
        assertThat(kafkaVersion).isNotBlank();
        assertThat(compose.at("/services/kafka/image").asText()).isEqualTo("apache/kafka:" + kafkaVersion);

        kafkaVersion = "9.9.9";

        assertThat(check().brokerProblems()).anySatisfy(p -> assertThat(p).contains("apache/kafka:9.9.9"));
    }

    @Test
    void shouldNoticeATopicRenamedInTopicsJsonOnly() {
        topics = new ArrayList<>(topics.stream().map(t -> t.name().equals("newswire-dlq")
                ? new TopicSpec("newswire-dead-letters", t.partitions(), t.replicationFactor(), t.configs()) : t)
                .toList());

        assertThat(check().configuredTopicProblems())
                .singleElement().asString().contains("dlq.topic=newswire-dlq");
    }

    @Test
    void shouldNoticeABrokerThatRefusesTheModelTopicsRecords() {
        kafkaEnvironment().put("KAFKA_MESSAGE_MAX_BYTES", "5242880");

        assertThat(check().brokerProblems())
                .anySatisfy(p -> assertThat(p).contains("newswire-models").contains("33554432"));
    }

    @Test
    void shouldNoticeAServiceThatBootstrapsFromAnAddressKafkaDoesNotAdvertise() {
        ((ObjectNode) compose.at("/services/tagger/environment")).put("NEWSWIRE_BOOTSTRAP_SERVERS", "kafka:9092");

        assertThat(check().taggerServiceProblems())
                .anySatisfy(p -> assertThat(p).contains("tagger").contains("'kafka:9092'"));
    }

    @Test
    void shouldNoticeATopicsServiceThatCreatesFromAFileOutsideTheRepository() {
        ArrayNode command = (ArrayNode) compose.at("/services/topics/command");
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).asText().equals("/topics/topics.json")) {
                command.set(i, "/tmp/topics.json");
            }
        }

        assertThat(check().topicsServiceProblems())
                .anySatisfy(p -> assertThat(p).contains("--file '/tmp/topics.json'"));
    }

    @Test
    void shouldNoticeAnEnvironmentOverrideOfAnUnknownConfigKey() {
        ((ObjectNode) compose.at("/services/tagger/environment")).put("NEWSWIRE_BOOTSTRAP_SERVER", "kafka:19092");

        assertThat(check().taggerServiceProblems())
                .anySatisfy(p -> assertThat(p).contains("NEWSWIRE_BOOTSTRAP_SERVER overrides no key"));
    }

    @Test
    void shouldNoticeATaggerThatDoesNotRunTheMountedConfiguration() {
        ((ObjectNode) compose.at("/services/tagger")).putArray("volumes")
                .add("./target/newswire-tagger.jar:/app/newswire-tagger.jar:ro");

        assertThat(check().taggerServiceProblems())
                .anySatisfy(p -> assertThat(p).contains("config/tagger.properties"));
    }

    private ComposeConsistency check() {
        return new ComposeConsistency(compose, topics, taggerConfig, kafkaVersion, existingFiles);
    }

    private ObjectNode kafkaEnvironment() {
        return (ObjectNode) compose.at("/services/kafka/environment");
    }

    /** A property of the pom's {@code <properties>}, by a plain XML parse. */
    private static String pomProperty(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try (InputStream in = Files.newInputStream(RepoFiles.resolve("pom.xml"))) {
            Document pom = factory.newDocumentBuilder().parse(in);
            return pom.getElementsByTagName(name).item(0).getTextContent().strip();
        }
    }

    /** Repository-relative paths of the regular files under the given folders. */
    private static Set<String> repositoryFiles(String... folders) throws IOException {
        Path root = RepoFiles.root();
        Set<String> files = new TreeSet<>();
        for (String folder : folders) {
            try (Stream<Path> paths = Files.walk(root.resolve(folder))) {
                paths.filter(Files::isRegularFile)
                        .forEach(path -> files.add(root.relativize(path).toString().replace('\\', '/')));
            }
        }
        return files;
    }
}
