package org.eforum.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks must catch a broken manifest. They run here on the base's own files, put together as kustomize would
 * (namespace, image tags, the ConfigMap from config.env), so without kubectl: first the unbroken set passes, then
 * each test breaks one thing and expects to be told exactly that.
 */
class ManifestRulesTest {

    private static final Path BASE = Repository.KUBERNETES.resolve("base");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private List<JsonNode> objects;

    @BeforeEach
    void assembleTheBase() throws IOException {
        objects = new ArrayList<>();
        for (String file : List.of("namespace.yaml", "apps/registration-service.yaml", "apps/directory-service.yaml",
                "apps/notification-service.yaml", "apps/operations-console.yaml", "apps/ingress.yaml",
                "kafka/kafka.yaml", "kafka/topics.yaml", "mongodb/mongodb.yaml")) {
            objects.addAll(Kustomize.parse(Files.readString(BASE.resolve(file))));
        }
        ObjectNode configMap = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", "eforum-config");
        ObjectNode data = configMap.putObject("data");
        for (String line : Files.readAllLines(BASE.resolve("config.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                data.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        objects.add(configMap);
        for (JsonNode object : objects) {
            if (!object.path("kind").asString("").equals("Namespace")) {
                ((ObjectNode) object.path("metadata")).put("namespace", "eforum");
            }
        }
        for (JsonNode deployment : new Manifests(objects).ofKind("Deployment").toList()) {
            ObjectNode container = container(Manifests.name(deployment));
            container.put("image", container.path("image").asString() + ":1.0");
        }
    }

    @Test
    void theUnbrokenBasePassesEveryRule() throws IOException {
        assertThat(KubernetesModel.problems(objects)).isEmpty();
        assertThat(problems(false)).isEmpty();
    }

    @Test
    void aMisspeltFieldIsASchemaError() {
        ObjectNode container = container("registration-service");
        container.set("readinesProbe", container.remove("readinessProbe"));

        assertThat(KubernetesModel.problems(objects)).singleElement().asString()
                .startsWith("Deployment/registration-service: ").contains("\"readinesProbe\"");
    }

    @Test
    void aWrongTypeAndAMisspeltStrimziFieldAreSchemaErrors() {
        ObjectNode kafka = (ObjectNode) new Manifests(objects).find("Kafka", "eforum").orElseThrow().path("spec")
                .path("kafka");
        kafka.set("listener", kafka.remove("listeners"));
        ((ObjectNode) new Manifests(objects).find("Deployment", "directory-service").orElseThrow().path("spec"))
                .put("replicas", "two");

        assertThat(KubernetesModel.problems(objects)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("Kafka/eforum: ").contains("\"listener\""))
                .anySatisfy(problem -> assertThat(problem).startsWith("Deployment/directory-service: "));
    }

    @Test
    void anUnknownKindIsASchemaError() {
        ((ObjectNode) objects.get(0)).put("apiVersion", "v2");

        assertThat(KubernetesModel.problems(objects)).containsExactly(
                "Namespace/eforum: no schema known for v2/Namespace (a typo in apiVersion or kind?)");
    }

    @Test
    void aMissingReadinessProbeIsFound() throws IOException {
        container("registration-service").remove("readinessProbe");

        assertThat(problems(false)).containsExactly("Deployment/registration-service: has no readinessProbe");
    }

    @Test
    void aProbeOnAnotherPortOrPathIsFound() throws IOException {
        ((ObjectNode) container("directory-service").path("readinessProbe").path("httpGet")).put("port", 8080);
        ((ObjectNode) container("notification-service").path("livenessProbe").path("httpGet"))
                .put("path", "/actuator/health/live");

        assertThat(problems(false)).containsExactlyInAnyOrder(
                "Deployment/directory-service: readinessProbe on port 8080, the app serves 8082",
                "Deployment/notification-service: livenessProbe on /actuator/health/live instead of "
                        + "/actuator/health/liveness");
    }

    @Test
    void aProbeGroupTheAppDoesNotServeIsFound() throws IOException {
        List<App> apps = new ArrayList<>(Repository.apps());
        App console = apps.remove(3);
        apps.add(new App(console.name(), console.port(), console.database(), Set.of("/actuator/health"),
                console.environment(), console.exposed()));

        assertThat(ManifestRules.check(new Manifests(objects), apps, Repository.secretKeys().keySet(),
                Repository.topics(), false)).hasSize(3).allSatisfy(problem -> assertThat(problem)
                .startsWith("Deployment/operations-console: ").contains("which operations-console does not serve"));
    }

    @Test
    void aMissingOrPlainSecretIsFound() throws IOException {
        ObjectNode container = container("registration-service");
        List<JsonNode> env = new ArrayList<>();
        container.path("env").forEach(env::add);
        container.putArray("env").addAll(env.stream()
                .filter(variable -> !variable.path("name").asString().equals("EFORUM_REGISTRATION_TOKEN_SECRET"))
                .toList());
        ObjectNode plain = container.withArray("env").addObject().put("name", "EFORUM_SECURITY_ACCOUNTS_9_PASSWORD")
                .put("value", "{noop}secret");

        assertThat(plain.path("value").asString()).isNotEmpty();
        assertThat(problems(false)).containsExactlyInAnyOrder(
                "Deployment/registration-service: does not provide EFORUM_REGISTRATION_TOKEN_SECRET, which "
                        + "registration-service needs",
                "Deployment/registration-service: EFORUM_SECURITY_ACCOUNTS_9_PASSWORD must come from a Secret "
                        + "(secretKeyRef), not from a ConfigMap or a value");
    }

    @Test
    void aServiceThatSelectsNoPodIsFound() throws IOException {
        ((ObjectNode) new Manifests(objects).find("Service", "notification-service").orElseThrow().path("spec")
                .path("selector")).put("app.kubernetes.io/name", "notifications");

        assertThat(problems(false)).singleElement().asString().startsWith("Service/notification-service: selects");
    }

    @Test
    void anOperatorAppBehindTheIngressIsFound() throws IOException {
        ObjectNode backend = (ObjectNode) new Manifests(objects).find("Ingress", "eforum-public").orElseThrow()
                .path("spec").path("rules").path(1).path("http").path("paths").path(0).path("backend").path("service");
        backend.put("name", "operations-console");

        assertThat(problems(false)).containsExactlyInAnyOrder(
                "no Ingress routes to directory-service, which the public uses",
                "Ingress/eforum-public: exposes operations-console, which is for operators only");
    }

    @Test
    void aTopicUnlikeTheAppsDeclarationIsFound() throws IOException {
        ObjectNode registrations = (ObjectNode) new Manifests(objects).find("KafkaTopic", "eforum-registrations")
                .orElseThrow().path("spec");
        registrations.put("partitions", 1);
        ((ObjectNode) registrations.path("config")).put("min.insync.replicas", 1);

        assertThat(problems(false)).containsExactlyInAnyOrder(
                "KafkaTopic/eforum-registrations: min.insync.replicas is not 2",
                "KafkaTopic/eforum-registrations: has 1 partitions, the apps declare 3");
    }

    @Test
    void anObjectOutsideTheNamespaceIsFound() throws IOException {
        ((ObjectNode) new Manifests(objects).find("KafkaTopic", "eforum-erasures").orElseThrow().path("metadata"))
                .remove("namespace");

        assertThat(problems(false)).containsExactly("KafkaTopic/eforum-erasures: is not in the namespace eforum (an "
                + "overlay's own objects need the overlay's namespace: too)");
    }

    @Test
    void aPublicBaseUrlTheIngressDoesNotServeIsFound() throws IOException {
        ((ObjectNode) new Manifests(objects).find("ConfigMap", "eforum-config").orElseThrow().path("data"))
                .put("EFORUM_PUBLIC_BASE_URL", "https://directory.example.org");

        assertThat(problems(false)).containsExactly("ConfigMap/eforum-config: EFORUM_PUBLIC_BASE_URL "
                + "https://directory.example.org is not an https host the Ingress routes to registration-service: "
                + "the links in the mails would lead nowhere");
    }

    @Test
    void theLocalProfileIsFound() throws IOException {
        ((ObjectNode) new Manifests(objects).find("ConfigMap", "eforum-config").orElseThrow().path("data"))
                .put("SPRING_PROFILES_ACTIVE", "local");

        assertThat(problems(false)).hasSize(4).allSatisfy(problem ->
                assertThat(problem).endsWith(": runs the local profile (default accounts, public secrets)"));
    }

    @Test
    void aKafkaListenerOpenToEveryPodIsFound() throws IOException {
        ObjectNode listener = (ObjectNode) new Manifests(objects).find("Kafka", "eforum").orElseThrow().path("spec")
                .path("kafka").path("listeners").path(0);
        listener.remove("networkPolicyPeers");

        assertThat(problems(false)).containsExactly("Kafka/eforum: listener plain has no authentication and lets "
                + "every pod of the cluster in (no networkPolicyPeers)");
    }

    @Test
    void aKafkaListenerThatShutsOutAnAppIsFound() throws IOException {
        ObjectNode expression = (ObjectNode) new Manifests(objects).find("Kafka", "eforum").orElseThrow()
                .path("spec").path("kafka").path("listeners").path(0).path("networkPolicyPeers").path(0)
                .path("podSelector").path("matchExpressions").path(0);
        expression.putArray("values").add("registration-service").add("directory-service").add("notification-service");

        assertThat(problems(false)).containsExactly(
                "Kafka/eforum: listener plain does not let operations-console in (networkPolicyPeers)");
    }

    @Test
    void theBaseAloneIsNoProductionDeployment() throws IOException {
        assertThat(problems(true)).contains(
                "Deployment/registration-service: runs 1 pod in production, expected at least 2",
                "Deployment/registration-service: has no PodDisruptionBudget keeping at least one pod",
                "Deployment/operations-console: has no HorizontalPodAutoscaler");
    }

    private List<String> problems(boolean production) throws IOException {
        return ManifestRules.check(new Manifests(objects), Repository.apps(), Repository.secretKeys().keySet(),
                Repository.topics(), production);
    }

    private ObjectNode container(String deployment) {
        return (ObjectNode) new Manifests(objects).find("Deployment", deployment).orElseThrow().path("spec")
                .path("template").path("spec").path("containers").path(0);
    }
}
