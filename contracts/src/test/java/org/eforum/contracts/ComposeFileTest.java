package org.eforum.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * No container engine runs in CI, so the repository's docker-compose.yml is checked here: against the Compose
 * Specification's JSON Schema (committed under src/test/resources/compose-spec), and for the mistakes a schema
 * cannot see, above all those that would make it an unsafe deployment: the local profile, a password in the file,
 * a server or an operators' tool published to the network.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    private static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
    /** The only services anyone on the network may reach; everything else is on the compose network or 127.0.0.1. */
    private static final Set<String> PUBLIC_SERVICES = Set.of("registration-service", "directory-service");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|_AUTH)");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)");

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));

        Set<ValidationMessage> problems = schema.validate(asJson(compose()), InputFormat.JSON);

        assertThat(problems).as(COMPOSE_FILE.toString()).isEmpty();
    }

    @Test
    void theSchemaRejectsAMisspeltServiceKey() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
        String broken = Files.readString(COMPOSE_FILE).replace("    healthcheck:", "    healtcheck:");

        assertThat(schema.validate(asJson(new Yaml().load(broken)), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void kafkaKeepsItsLogOnTheMountedVolume() throws IOException {
        Map<String, Object> kafka = service(compose(), "kafka");
        Object logDirs = ((Map<?, ?>) kafka.get("environment")).get("KAFKA_LOG_DIRS");
        List<String> volumeTargets = ((List<?>) kafka.get("volumes")).stream()
                .map(volume -> volume.toString().split(":")[1])
                .toList();

        // Without KAFKA_LOG_DIRS the apache/kafka image writes to /tmp/kraft-combined-logs, outside the volume.
        assertThat(logDirs).as("kafka's KAFKA_LOG_DIRS").isNotNull();
        assertThat(volumeTargets).contains(logDirs.toString());
    }

    @Test
    void noServiceRunsTheLocalProfile() throws IOException {
        services(compose()).forEach((name, service) -> assertThat(environment(service).get("SPRING_PROFILES_ACTIVE"))
                .as(name + "'s SPRING_PROFILES_ACTIVE").isNull());
        assertThat(Files.readString(COMPOSE_FILE)).doesNotContainPattern("(?i)profiles.active\\W+local");
    }

    @Test
    void everyPasswordAndSecretIsARequiredVariableNotAValue() throws IOException {
        Map<String, String> secrets = new TreeMap<>();
        services(compose()).forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches()) {
                secrets.put(name + " " + key, String.valueOf(value));
            }
        }));

        assertThat(secrets).as("the passwords and secrets the services get").isNotEmpty()
                .containsKey("registration-service EFORUM_SECURITY_ACCOUNTS_0_PASSWORD")
                .containsKey("registration-service EFORUM_REGISTRATION_TOKEN_SECRET")
                .containsKey("kafka-ui SPRING_SECURITY_USER_PASSWORD");
        // ${NAME:?message}: compose itself refuses to start while one is missing or empty.
        assertThat(secrets).allSatisfy((where, value) -> assertThat(value).as(where).matches(REQUIRED_VARIABLE));
    }

    @Test
    void onlyThePublicAppsArePublishedBeyondThisHost() throws IOException {
        services(compose()).forEach((name, service) -> {
            List<String> ports = ((List<?>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
            if (!PUBLIC_SERVICES.contains(name)) {
                assertThat(ports).as(name + "'s published ports").allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        });
        services(compose()).forEach((name, service) -> {
            if (String.valueOf(service.get("image")).matches("(apache/kafka|mongo):.*")) {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
        assertThat((List<?>) services(compose()).get("mailpit").get("ports")).as("mailpit's SMTP port")
                .noneMatch(port -> port.toString().endsWith(":1025"));
    }

    @Test
    void kafkaUiAsksForALogin() throws IOException {
        Map<String, Object> kafkaUi = environment(services(compose()).get("kafka-ui"));

        assertThat(kafkaUi.get("AUTH_TYPE")).isEqualTo("LOGIN_FORM");
        assertThat(kafkaUi.get("SPRING_SECURITY_USER_PASSWORD")).asString().matches(REQUIRED_VARIABLE);
    }

    @Test
    void prometheusScrapesWithThePasswordFileComposeWritesNotWithAPasswordInItsConfiguration() throws IOException {
        Map<String, Object> scrape = new Yaml().load(Files.readString(ROOT.resolve("ops/prometheus.yml")));
        Map<?, ?> basicAuth = (Map<?, ?>) ((Map<?, ?>) ((List<?>) scrape.get("scrape_configs")).get(0)).get("basic_auth");
        Map<String, Object> prometheus = services(compose()).get("prometheus");

        assertThat(basicAuth.keySet()).extracting(String::valueOf).doesNotContain("password").contains("password_file");
        assertThat(String.join(" ", ((List<?>) prometheus.get("entrypoint")).stream().map(String::valueOf).toList()))
                .contains("> " + basicAuth.get("password_file"));
        assertThat(environment(prometheus).get("MONITOR_PASSWORD")).asString().matches(REQUIRED_VARIABLE);
    }

    @Test
    void everyVariableTheFileReadsIsDocumentedInEnvExampleWithNoSecretFilledIn() throws IOException {
        Map<String, String> example = new TreeMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Set<String> referenced = new TreeSet<>();
        Matcher references = VARIABLE_REFERENCE.matcher(Files.readString(COMPOSE_FILE));
        while (references.find()) {
            referenced.add(references.group(1));
        }

        assertThat(example.keySet()).as(".env.example").containsAll(referenced);
        example.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() || name.endsWith("_HASH")) {
                assertThat(value).as(name + " in .env.example").isEmpty();
            }
        });
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).as(".gitignore").contains(".env");
    }

    @Test
    void theDefaultPathNeedsNoServiceOfAProfile() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        services.forEach((name, service) -> {
            if (service.containsKey("profiles")) {
                return;
            }
            dependencies(service).forEach((dependency, condition) -> {
                boolean required = !Boolean.FALSE.equals(condition.get("required"));
                if (required) {
                    assertThat(services.get(dependency)).as(name + " needs " + dependency).doesNotContainKey("profiles");
                }
            });
        });
        // Without .env's cluster lines, every app's servers are the single nodes.
        Map<String, Object> app = environment(services.get("registration-service"));
        assertThat(defaultOf(app.get("KAFKA_BOOTSTRAP_SERVERS"))).isEqualTo("kafka:19092");
        assertThat(defaultOf(app.get("MONGODB_URI"))).isEqualTo("mongodb://mongo:27017/?replicaSet=rs0");
        assertThat(defaultOf(app.get("EFORUM_KAFKA_REPLICATION_FACTOR"))).isEqualTo("1");
    }

    @Test
    void theClusterProfileRunsThreeKafkaNodesInOneQuorum() throws IOException {
        Map<String, Map<String, Object>> brokers = inProfile("cluster", "apache/kafka:");
        assertThat(brokers).hasSize(3);
        String voters = brokers.keySet().stream().sorted()
                .map(name -> environment(brokers.get(name)).get("KAFKA_NODE_ID") + "@" + name + ":9093")
                .collect(java.util.stream.Collectors.joining(","));

        brokers.forEach((name, broker) -> {
            Map<String, Object> env = environment(broker);
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as(name).isEqualTo(voters);
            assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).as(name).contains("broker", "controller");
            assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"))).as(name)
                    .contains("INTERNAL://" + name + ":19092");
            assertThat(env).as(name).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
            assertThat(volumeTargets(broker)).as(name + "'s volumes").contains(String.valueOf(env.get("KAFKA_LOG_DIRS")));
        });
        // One cluster id for the three, or each formats a cluster of its own; distinct node ids and volumes.
        assertThat(brokers.values().stream().map(b -> environment(b).get("CLUSTER_ID")).distinct()).singleElement()
                .isNotNull();
        assertThat(brokers.values().stream().map(b -> environment(b).get("KAFKA_NODE_ID")).distinct()).hasSize(3);
        assertThat(brokers.values().stream().map(b -> volumes(b).get(0).split(":")[0]).distinct()).hasSize(3);
    }

    @Test
    void theClusterProfileRunsAThreeMemberReplicaSetThatOneShotInitiates() throws IOException {
        Map<String, Map<String, Object>> members = inProfile("cluster", "mongo:");
        Map<String, Object> init = members.remove("mongo-init");
        assertThat(members).hasSize(3);
        members.forEach((name, member) -> assertThat(((List<?>) member.get("command")).stream().map(String::valueOf).toList()).as(name)
                .containsSequence("--replSet", "eforum-rs"));
        assertThat(members.values().stream().map(m -> volumes(m).get(0).split(":")[0]).distinct()).hasSize(3);

        assertThat(init).as("mongo-init").isNotNull().containsEntry("restart", "no");
        assertThat(dependencies(init).keySet()).containsExactlyInAnyOrderElementsOf(members.keySet());
        assertThat(dependencies(init).values()).allSatisfy(condition ->
                assertThat(condition).containsEntry("condition", "service_healthy"));
        String script = String.valueOf(((List<?>) init.get("command")).get(((List<?>) init.get("command")).size() - 1));
        assertThat(script).contains("rs.initiate({_id: 'eforum-rs'", "NotYetInitialized", "PRIMARY");
        members.keySet().forEach(name -> assertThat(script).contains("host: '" + name + ":27017'"));
    }

    @Test
    void envExamplesClusterLinesPointEveryAppAtTheCluster() throws IOException {
        Map<String, String> cluster = new TreeMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            Matcher setting = Pattern.compile("#\\s+([A-Z_]+)=(\\S+)").matcher(line);
            if (setting.matches()) {
                cluster.put(setting.group(1), setting.group(2));
            }
        }
        Map<String, Map<String, Object>> services = services(compose());
        String brokers = inProfile("cluster", "apache/kafka:").keySet().stream().sorted().map(name -> name + ":19092")
                .collect(java.util.stream.Collectors.joining(","));
        String members = inProfile("cluster", "mongo:").keySet().stream().filter(name -> !name.equals("mongo-init"))
                .sorted().map(name -> name + ":27017").collect(java.util.stream.Collectors.joining(","));

        assertThat(cluster).containsEntry("COMPOSE_PROFILES", "cluster")
                .containsEntry("EFORUM_KAFKA_BOOTSTRAP_SERVERS", brokers)
                .containsEntry("EFORUM_KAFKA_REPLICATION_FACTOR", "3")
                .containsEntry("EFORUM_MONGODB_URI", "mongodb://" + members + "/?replicaSet=eforum-rs");
        for (String app : List.of("registration-service", "directory-service", "notification-service",
                "operations-console")) {
            Map<String, Object> env = environment(services.get(app));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(app).asString().startsWith("${EFORUM_KAFKA_BOOTSTRAP_SERVERS:-");
            assertThat(env.get("EFORUM_KAFKA_REPLICATION_FACTOR")).as(app).asString()
                    .startsWith("${EFORUM_KAFKA_REPLICATION_FACTOR:-");
            assertThat(env.get("MONGODB_URI")).as(app).asString().startsWith("${EFORUM_MONGODB_URI:-");
            // With the profile on, an app starts once the brokers are healthy and the replica set has a primary.
            assertThat(dependencies(services.get(app))).as(app)
                    .containsKeys("kafka-1", "kafka-2", "kafka-3", "mongo-init");
        }
    }

    private static Map<String, Map<String, Object>> inProfile(String profile, String imagePrefix) throws IOException {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        services(compose()).forEach((name, service) -> {
            if (((List<?>) service.getOrDefault("profiles", List.of())).contains(profile)
                    && String.valueOf(service.get("image")).startsWith(imagePrefix)) {
                found.put(name, service);
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> dependencies(Map<String, Object> service) {
        return (Map<String, Map<String, Object>>) service.getOrDefault("depends_on", Map.of());
    }

    private static List<String> volumes(Map<String, Object> service) {
        return ((List<?>) service.getOrDefault("volumes", List.of())).stream().map(String::valueOf).toList();
    }

    private static List<String> volumeTargets(Map<String, Object> service) {
        return volumes(service).stream().map(volume -> volume.split(":")[1]).toList();
    }

    /** The default of a ${NAME:-default} value. */
    private static String defaultOf(Object value) {
        Matcher matcher = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}").matcher(String.valueOf(value));
        assertThat(matcher.matches()).as(value + " is ${NAME:-default}").isTrue();
        return matcher.group(1);
    }

    private static Map<String, Object> compose() throws IOException {
        // SnakeYAML resolves the file's anchors and `<<` merge keys, as Compose does, before the schema sees it.
        return new Yaml().load(Files.readString(COMPOSE_FILE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** A service's environment as a map (this file writes every environment as a map, not as a list). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    private static String asJson(Object yaml) {
        return JsonMapper.builder().build().writeValueAsString(yaml);
    }
}
