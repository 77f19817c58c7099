package org.eforum.deploy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Quantity;
import tools.jackson.databind.JsonNode;

/**
 * What a schema cannot see: that the rendered objects deploy E-Forum as its apps need it. Each rule says what is
 * wrong in words an operator understands ("Deployment/x: readinessProbe on port 8080, the app serves 8081").
 */
final class ManifestRules {

    /** The secret Secret a deployment creates by hand from kubernetes/secrets.env.example. */
    static final String SECRET = "eforum-secrets";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|_HASH|_AUTH)");
    /** Holds a password (SCRAM is always on with the MongoDB operator), so only ever from a Secret. */
    private static final String MONGODB_URI = "MONGODB_URI";

    private final Manifests manifests;
    private final List<App> apps;
    private final Set<String> secretKeys;
    private final List<ExpectedTopic> topics;
    private final boolean production;
    private final List<String> problems = new ArrayList<>();

    private ManifestRules(Manifests manifests, List<App> apps, Set<String> secretKeys, List<ExpectedTopic> topics,
            boolean production) {
        this.manifests = manifests;
        this.apps = apps;
        this.secretKeys = secretKeys;
        this.topics = topics;
        this.production = production;
    }

    /** Every problem found; empty for a sound deployment. Production adds the rules of running apps redundantly. */
    static List<String> check(Manifests manifests, List<App> apps, Set<String> secretKeys, List<ExpectedTopic> topics,
            boolean production) {
        ManifestRules rules = new ManifestRules(manifests, apps, secretKeys, topics, production);
        rules.noSecretValues();
        rules.oneNamespace();
        apps.forEach(rules::deployment);
        apps.forEach(rules::service);
        rules.ingress();
        rules.kafka();
        rules.topics();
        rules.mongodb();
        rules.disruptionBudgets();
        if (production) {
            apps.forEach(rules::redundant);
        }
        return List.copyOf(rules.problems);
    }

    private void problem(JsonNode object, String text) {
        problems.add(Manifests.id(object) + ": " + text);
    }

    private void noSecretValues() {
        manifests.ofKind("Secret").forEach(secret -> problem(secret,
                "a Secret in the manifests puts its values into git and overwrites the real one on every apply; "
                        + "document its keys in secrets.env.example instead"));
        manifests.ofKind("ConfigMap").forEach(configMap -> fields(configMap.path("data")).keySet().forEach(key -> {
            if (SECRET_NAME.matcher(key).matches() || key.equals(MONGODB_URI)) {
                problem(configMap, key + " is a secret: it belongs in the Secret " + SECRET);
            }
        }));
    }

    private void oneNamespace() {
        Set<String> declared = manifests.ofKind("Namespace").map(Manifests::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (declared.size() != 1) {
            problems.add("the manifests declare " + declared.size() + " Namespaces, expected one: " + declared);
            return;
        }
        String namespace = declared.iterator().next();
        manifests.objects().stream()
                .filter(object -> !object.path("kind").asString("").equals("Namespace"))
                .filter(object -> !object.path("metadata").path("namespace").asString("").equals(namespace))
                .forEach(object -> problem(object, "is not in the namespace " + namespace + " (an overlay's own "
                        + "objects need the overlay's namespace: too)"));
    }

    // ---- the apps

    private void deployment(App app) {
        Optional<JsonNode> found = manifests.find("Deployment", app.name());
        if (found.isEmpty()) {
            problems.add("Deployment/" + app.name() + " is missing");
            return;
        }
        JsonNode deployment = found.get();
        JsonNode pod = deployment.path("spec").path("template");
        Map<String, String> podLabels = strings(pod.path("metadata").path("labels"));
        Map<String, String> selector = strings(deployment.path("spec").path("selector").path("matchLabels"));
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            problem(deployment, "its selector " + selector + " does not select its own pods " + podLabels);
        }
        JsonNode containers = pod.path("spec").path("containers");
        if (!containers.isArray() || containers.isEmpty()) {
            problem(deployment, "has no container");
            return;
        }
        JsonNode container = containers.get(0);
        Map<String, Integer> ports = new HashMap<>();
        for (JsonNode port : container.path("ports")) {
            ports.put(port.path("name").asString(""), port.path("containerPort").asInt());
        }
        if (!ports.containsValue(app.port())) {
            problem(deployment, "its container does not expose port " + app.port() + ", which the app serves");
        }
        probe(deployment, container, "startupProbe", ports, app, "/actuator/health/liveness");
        probe(deployment, container, "livenessProbe", ports, app, "/actuator/health/liveness");
        probe(deployment, container, "readinessProbe", ports, app, "/actuator/health/readiness");
        resources(deployment, container);
        security(deployment, pod.path("spec"), container);
        environment(deployment, app, pod.path("spec"), container);
        if (!container.path("image").asString("").matches("[^:@\\s]+(:[\\w][\\w.-]*|@sha256:[0-9a-f]+)")
                || container.path("image").asString("").endsWith(":latest")) {
            problem(deployment, "image " + container.path("image") + " has no fixed tag");
        }
    }

    private void probe(JsonNode deployment, JsonNode container, String kind, Map<String, Integer> ports, App app,
            String path) {
        JsonNode probe = container.path(kind);
        if (probe.isMissingNode() || probe.isNull()) {
            problem(deployment, "has no " + kind);
            return;
        }
        JsonNode http = probe.path("httpGet");
        if (http.isMissingNode()) {
            problem(deployment, kind + " is not an HTTP check of the actuator's health");
            return;
        }
        Integer port = port(http.path("port"), ports);
        if (port == null || port != app.port()) {
            problem(deployment, kind + " on port " + http.path("port") + ", the app serves " + app.port());
        }
        String actual = http.path("path").asString("");
        if (!actual.equals(path)) {
            problem(deployment, kind + " on " + actual + " instead of " + path);
        } else if (!app.healthPaths().contains(actual)) {
            problem(deployment, kind + " on " + actual + ", which " + app.name() + " does not serve (its "
                    + "application.yml: management.endpoint.health.probes.enabled or its health groups)");
        }
    }

    private void resources(JsonNode deployment, JsonNode container) {
        JsonNode resources = container.path("resources");
        for (String request : List.of("cpu", "memory")) {
            if (resources.path("requests").path(request).asString("").isEmpty()) {
                problem(deployment, "requests no " + request);
            }
        }
        String limit = resources.path("limits").path("memory").asString("");
        if (limit.isEmpty()) {
            problem(deployment, "has no memory limit (the JVM sizes its heap from it)");
        } else if (!resources.path("requests").path("memory").asString("").isEmpty()
                && bytes(limit).compareTo(bytes(resources.path("requests").path("memory").asString())) < 0) {
            problem(deployment, "its memory limit is below its request");
        }
    }

    private void security(JsonNode deployment, JsonNode podSpec, JsonNode container) {
        JsonNode pod = podSpec.path("securityContext");
        JsonNode own = container.path("securityContext");
        if (!(own.path("runAsNonRoot").asBoolean(false) || pod.path("runAsNonRoot").asBoolean(false))) {
            problem(deployment, "does not set runAsNonRoot");
        }
        if (own.path("runAsUser").asInt(-1) == 0 || pod.path("runAsUser").asInt(-1) == 0) {
            problem(deployment, "runs as root (runAsUser 0)");
        }
        if (own.path("allowPrivilegeEscalation").asBoolean(true)) {
            problem(deployment, "does not set allowPrivilegeEscalation: false");
        }
        if (own.path("privileged").asBoolean(false)) {
            problem(deployment, "is privileged");
        }
        if (!own.path("readOnlyRootFilesystem").asBoolean(false)) {
            problem(deployment, "does not set readOnlyRootFilesystem: true");
        }
        boolean dropsAll = false;
        for (JsonNode capability : own.path("capabilities").path("drop")) {
            dropsAll |= capability.asString("").equals("ALL");
        }
        if (!dropsAll) {
            problem(deployment, "does not drop ALL capabilities");
        }
        Set<String> emptyDirs = new TreeSet<>();
        for (JsonNode volume : podSpec.path("volumes")) {
            if (volume.has("emptyDir")) {
                emptyDirs.add(volume.path("name").asString(""));
            }
        }
        boolean tmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            tmp |= mount.path("mountPath").asString("").equals("/tmp")
                    && emptyDirs.contains(mount.path("name").asString(""));
        }
        if (!tmp) {
            problem(deployment, "has no emptyDir on /tmp, which the JVM and Tomcat write to (read-only root)");
        }
    }

    /** Every variable the app needs, each from where it may come: secrets from a Secret, the rest from a ConfigMap. */
    private void environment(JsonNode deployment, App app, JsonNode podSpec, JsonNode container) {
        Map<String, Source> provided = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asString("");
            if (from.has("secretRef")) {
                problem(deployment, "takes a whole Secret (envFrom): name each key it needs (secretKeyRef)");
            }
            String name = from.path("configMapRef").path("name").asString("");
            if (!name.isEmpty()) {
                Optional<JsonNode> configMap = manifests.find("ConfigMap", name);
                if (configMap.isEmpty()) {
                    problem(deployment, "reads the ConfigMap " + name + ", which the manifests do not have");
                    continue;
                }
                fields(configMap.get().path("data")).forEach((key, value) ->
                        provided.put(prefix + key, Source.config(value.asString(""))));
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString("");
            JsonNode from = variable.path("valueFrom");
            if (from.has("secretKeyRef")) {
                provided.put(name, secretSource(deployment, name, from.path("secretKeyRef")));
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.path("configMapKeyRef");
                Optional<JsonNode> configMap = manifests.find("ConfigMap", ref.path("name").asString(""));
                JsonNode value = configMap.map(c -> c.path("data").path(ref.path("key").asString(""))).orElse(null);
                if (value == null || value.isMissingNode()) {
                    problem(deployment, name + " names " + ref.path("name").asString("") + "/"
                            + ref.path("key").asString("") + ", which the manifests do not have");
                }
                provided.put(name, Source.config(value == null ? "" : value.asString("")));
            } else if (variable.has("value")) {
                provided.put(name, Source.config(variable.path("value").asString("")));
            } else {
                provided.put(name, Source.config(""));
            }
        }
        for (String needed : app.environment()) {
            if (!provided.containsKey(needed)) {
                problem(deployment, "does not provide " + needed + ", which " + app.name() + " needs");
            }
        }
        provided.forEach((name, source) -> {
            if ((SECRET_NAME.matcher(name).matches() || name.equals(MONGODB_URI)) && !source.secret()) {
                problem(deployment, name + " must come from a Secret (secretKeyRef), not from a ConfigMap or a value");
            }
        });
        Source profiles = provided.get("SPRING_PROFILES_ACTIVE");
        if (profiles != null && profiles.value().matches("(?i).*\\blocal\\b.*")) {
            problem(deployment, "runs the local profile (default accounts, public secrets)");
        }
        if (app.database() != null) {
            Source uri = provided.get(MONGODB_URI);
            if (uri != null && uri.secret() && uri.mongoUser() == null) {
                problem(deployment, "MONGODB_URI is not a connection string the MongoDB operator writes");
            } else if (uri != null && uri.mongoUser() != null && !uri.mongoUser().databases().contains(app.database())) {
                problem(deployment, "its MongoDB user " + uri.mongoUser().name() + " may not write "
                        + app.database() + ", the app's database");
            }
        }
        Source kafka = provided.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka != null && !bootstrapAddresses().contains(kafka.value())) {
            problem(deployment, "KAFKA_BOOTSTRAP_SERVERS " + kafka.value() + " is none of the Kafka clusters' "
                    + "bootstrap Services " + bootstrapAddresses());
        }
    }

    private Source secretSource(JsonNode deployment, String variable, JsonNode ref) {
        String name = ref.path("name").asString("");
        String key = ref.path("key").asString("");
        if (name.equals(SECRET)) {
            if (!secretKeys.contains(key)) {
                problem(deployment, variable + " reads " + SECRET + "/" + key + ", a key secrets.env.example does "
                        + "not document");
            }
            return Source.secret(null);
        }
        MongoUser user = mongoUsers().get(name);
        if (user == null) {
            problem(deployment, variable + " reads the Secret " + name + ", which neither " + SECRET
                    + " nor a MongoDB user's connection string is");
            return Source.secret(null);
        }
        if (!key.startsWith("connectionString.")) {
            problem(deployment, variable + " reads " + name + "/" + key + " instead of connectionString.standard");
        }
        return Source.secret(user);
    }

    private void service(App app) {
        Optional<JsonNode> found = manifests.find("Service", app.name());
        Optional<JsonNode> deployment = manifests.find("Deployment", app.name());
        if (found.isEmpty()) {
            problems.add("Service/" + app.name() + " is missing");
            return;
        }
        JsonNode service = found.get();
        Map<String, String> selector = strings(service.path("spec").path("selector"));
        if (deployment.isPresent()) {
            Map<String, String> pods = strings(deployment.get().path("spec").path("template").path("metadata")
                    .path("labels"));
            if (selector.isEmpty() || !pods.entrySet().containsAll(selector.entrySet())) {
                problem(service, "selects " + selector + ", not the pods of Deployment/" + app.name() + " " + pods);
            }
            manifests.ofKind("Deployment").filter(other -> !Manifests.name(other).equals(app.name())).forEach(other -> {
                Map<String, String> theirs = strings(other.path("spec").path("template").path("metadata").path("labels"));
                if (!selector.isEmpty() && theirs.entrySet().containsAll(selector.entrySet())) {
                    problem(service, "also selects the pods of " + Manifests.id(other));
                }
            });
            Map<String, Integer> ports = new HashMap<>();
            for (JsonNode port : deployment.get().path("spec").path("template").path("spec").path("containers")
                    .path(0).path("ports")) {
                ports.put(port.path("name").asString(""), port.path("containerPort").asInt());
            }
            boolean reaches = false;
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                Integer resolved = port(target, ports);
                reaches |= resolved != null && resolved == app.port();
            }
            if (!reaches) {
                problem(service, "has no port that reaches the app's " + app.port());
            }
        }
        String type = service.path("spec").path("type").asString("ClusterIP");
        if (!type.equals("ClusterIP")) {
            problem(service, "is of type " + type + ": the public apps are reached through the Ingress, the others "
                    + "not from outside at all");
        }
    }

    private void ingress() {
        Map<String, JsonNode> backends = new TreeMap<>();
        manifests.ofKind("Ingress").forEach(ingress -> {
            Set<String> tlsHosts = new TreeSet<>();
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                tls.path("hosts").forEach(host -> tlsHosts.add(host.asString("")));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asString(""))) {
                    problem(ingress, "serves " + rule.path("host").asString("(any host)") + " without TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode service = path.path("backend").path("service");
                    backends.put(service.path("name").asString(""), ingress);
                    Optional<JsonNode> target = manifests.find("Service", service.path("name").asString(""));
                    if (target.isEmpty()) {
                        problem(ingress, "routes to Service/" + service.path("name").asString("")
                                + ", which the manifests do not have");
                        continue;
                    }
                    boolean portFound = false;
                    for (JsonNode port : target.get().path("spec").path("ports")) {
                        portFound |= service.path("port").path("name").asString("-").equals(port.path("name").asString(""))
                                || service.path("port").path("number").asInt(-1) == port.path("port").asInt();
                    }
                    if (!portFound) {
                        problem(ingress, "routes to a port Service/" + service.path("name").asString("") + " does not have");
                    }
                }
            }
        });
        publicBaseUrl();
        for (App app : apps) {
            if (app.exposed() && !backends.containsKey(app.name())) {
                problems.add("no Ingress routes to " + app.name() + ", which the public uses");
            }
            if (!app.exposed() && backends.containsKey(app.name())) {
                problem(backends.get(app.name()), "exposes " + app.name() + ", which is for operators only");
            }
        }
    }

    /** The links in the mails start with EFORUM_PUBLIC_BASE_URL: it must be the Ingress' https host of the form. */
    private void publicBaseUrl() {
        manifests.ofKind("ConfigMap").forEach(configMap -> {
            JsonNode value = configMap.path("data").path("EFORUM_PUBLIC_BASE_URL");
            if (value.isMissingNode()) {
                return;
            }
            URI url = URI.create(value.asString(""));
            boolean routed = manifests.ofKind("Ingress").anyMatch(ingress -> {
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        if (rule.path("host").asString("").equals(url.getHost()) && path.path("backend")
                                .path("service").path("name").asString("").equals("registration-service")) {
                            return true;
                        }
                    }
                }
                return false;
            });
            if (!"https".equals(url.getScheme()) || !routed) {
                problem(configMap, "EFORUM_PUBLIC_BASE_URL " + url + " is not an https host the Ingress routes to "
                        + "registration-service: the links in the mails would lead nowhere");
            }
        });
    }

    // ---- Kafka and MongoDB

    private Set<String> bootstrapAddresses() {
        Set<String> addresses = new TreeSet<>();
        manifests.ofKind("Kafka").forEach(kafka -> {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                if (listener.path("type").asString("").equals("internal") && !listener.path("tls").asBoolean(false)) {
                    addresses.add(Manifests.name(kafka) + "-kafka-bootstrap:" + listener.path("port").asInt());
                }
            }
        });
        return addresses;
    }

    private void kafka() {
        List<JsonNode> clusters = manifests.ofKind("Kafka").toList();
        if (clusters.size() != 1) {
            problems.add("expected one Kafka cluster, found " + clusters.size());
            return;
        }
        JsonNode kafka = clusters.get(0);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        Map<String, Integer> wanted = Map.of("default.replication.factor", 3, "min.insync.replicas", 2,
                "offsets.topic.replication.factor", 3, "transaction.state.log.replication.factor", 3,
                "transaction.state.log.min.isr", 2);
        wanted.forEach((key, value) -> {
            if (config.path(key).asInt(-1) != value) {
                problem(kafka, key + " is " + config.path(key) + ", expected " + value);
            }
        });
        if (bootstrapAddresses().isEmpty()) {
            problem(kafka, "has no internal plain listener for the apps");
        }
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean(false) && listener.path("authentication").isMissingNode()) {
                reachableOnlyByTheApps(kafka, listener);
            }
        }
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : manifests.ofKind("KafkaNodePool").toList()) {
            if (!pool.path("metadata").path("labels").path("strimzi.io/cluster").asString("").equals(Manifests.name(kafka))) {
                problem(pool, "belongs to no Kafka cluster of the manifests (label strimzi.io/cluster)");
                continue;
            }
            Set<String> roles = new TreeSet<>();
            pool.path("spec").path("roles").forEach(role -> roles.add(role.asString("")));
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        if (brokers < 3) {
            problem(kafka, "has " + brokers + " brokers: replication factor 3 needs 3");
        }
        if (controllers < 3 || controllers % 2 == 0) {
            problem(kafka, "has " + controllers + " KRaft controllers: an odd number, at least 3, keeps a quorum "
                    + "through the loss of one");
        }
    }

    /** A listener without authentication: only the apps' pods may connect (Strimzi's networkPolicyPeers). */
    private void reachableOnlyByTheApps(JsonNode kafka, JsonNode listener) {
        String name = listener.path("name").asString("");
        JsonNode peers = listener.path("networkPolicyPeers");
        if (!peers.isArray() || peers.isEmpty()) {
            problem(kafka, "listener " + name + " has no authentication and lets every pod of the cluster in "
                    + "(no networkPolicyPeers)");
            return;
        }
        for (App app : apps) {
            Map<String, String> pods = manifests.find("Deployment", app.name())
                    .map(d -> strings(d.path("spec").path("template").path("metadata").path("labels")))
                    .orElse(Map.of());
            boolean admitted = false;
            for (JsonNode peer : peers) {
                admitted |= !peer.has("namespaceSelector") && selects(peer.path("podSelector"), pods);
            }
            if (!admitted) {
                problem(kafka, "listener " + name + " does not let " + app.name() + " in (networkPolicyPeers)");
            }
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock") || peer.has("namespaceSelector") || fields(peer.path("podSelector")).isEmpty()) {
                problem(kafka, "listener " + name + " lets more than the apps' pods in: " + peer);
            }
        }
    }

    /** A label selector (matchLabels, and matchExpressions with In, NotIn, Exists, DoesNotExist) on these labels. */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || labels.isEmpty()) {
            return false;
        }
        if (!labels.entrySet().containsAll(strings(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asString(""));
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asString("")));
            boolean holds = switch (expression.path("operator").asString("")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private void topics() {
        String cluster = manifests.ofKind("Kafka").findFirst().map(Manifests::name).orElse("");
        Map<String, JsonNode> declared = new TreeMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> {
            String name = topic.path("spec").path("topicName").asString(Manifests.name(topic));
            declared.put(name, topic);
            if (!topic.path("metadata").path("labels").path("strimzi.io/cluster").asString("").equals(cluster)) {
                problem(topic, "is not labelled strimzi.io/cluster: " + cluster + ", so no Topic Operator takes it");
            }
            if (topic.path("spec").path("replicas").asInt() != 3) {
                problem(topic, "has " + topic.path("spec").path("replicas") + " replicas, expected 3");
            }
            if (topic.path("spec").path("config").path("min.insync.replicas").asInt(-1) != 2) {
                problem(topic, "min.insync.replicas is not 2");
            }
        });
        Set<String> expectedNames = new TreeSet<>();
        for (ExpectedTopic expected : topics) {
            expectedNames.add(expected.name());
            JsonNode topic = declared.get(expected.name());
            if (topic == null) {
                problems.add("no KafkaTopic for " + expected.name() + ", which the apps use");
                continue;
            }
            if (topic.path("spec").path("partitions").asInt() != expected.partitions()) {
                problem(topic, "has " + topic.path("spec").path("partitions") + " partitions, the apps declare "
                        + expected.partitions());
            }
            boolean compacted = topic.path("spec").path("config").path("cleanup.policy").asString("delete")
                    .contains("compact");
            if (compacted != expected.compacted()) {
                problem(topic, expected.compacted() ? "must be compacted (cleanup.policy: compact)"
                        : "must not be compacted");
            }
        }
        declared.keySet().stream().filter(name -> !expectedNames.contains(name))
                .forEach(name -> problem(declared.get(name), "is a topic no app declares"));
    }

    /** The MongoDB users by the Secret their connection string is written to. */
    private Map<String, MongoUser> mongoUsers() {
        Map<String, MongoUser> users = new HashMap<>();
        manifests.ofKind("MongoDBCommunity").forEach(mongo -> {
            for (JsonNode user : mongo.path("spec").path("users")) {
                String name = user.path("name").asString("");
                String secret = user.path("connectionStringSecretName").asString(
                        Manifests.name(mongo) + "-" + user.path("db").asString("admin") + "-" + name);
                Set<String> databases = new TreeSet<>();
                for (JsonNode role : user.path("roles")) {
                    if (Set.of("readWrite", "dbOwner").contains(role.path("name").asString(""))) {
                        databases.add(role.path("db").asString(""));
                    }
                }
                users.put(secret, new MongoUser(name, databases));
            }
        });
        return users;
    }

    private void mongodb() {
        List<JsonNode> replicaSets = manifests.ofKind("MongoDBCommunity").toList();
        if (replicaSets.size() != 1) {
            problems.add("expected one MongoDBCommunity replica set, found " + replicaSets.size());
            return;
        }
        JsonNode mongo = replicaSets.get(0);
        JsonNode spec = mongo.path("spec");
        if (spec.path("members").asInt() < 3 || spec.path("members").asInt() % 2 == 0) {
            problem(mongo, "has " + spec.path("members") + " members: an odd number, at least 3, keeps a primary "
                    + "through the loss of one");
        }
        if (!spec.path("type").asString("").equals("ReplicaSet")) {
            problem(mongo, "is no ReplicaSet");
        }
        if (spec.path("version").asString("").isEmpty()) {
            problem(mongo, "names no MongoDB version");
        }
        for (JsonNode user : spec.path("users")) {
            JsonNode password = user.path("passwordSecretRef");
            if (!password.path("name").asString("").equals(SECRET)
                    || !secretKeys.contains(password.path("key").asString("password"))) {
                problem(mongo, "user " + user.path("name").asString("") + " takes its password from "
                        + password.path("name").asString("") + "/" + password.path("key").asString("password")
                        + ", not from a key of " + SECRET + " that secrets.env.example documents");
            }
            if (user.path("scramCredentialsSecretName").asString("").isEmpty()) {
                problem(mongo, "user " + user.path("name").asString("") + " has no scramCredentialsSecretName");
            }
        }
    }

    // ---- disruptions and redundancy

    private void disruptionBudgets() {
        manifests.ofKind("PodDisruptionBudget").forEach(budget -> {
            Map<String, String> selector = strings(budget.path("spec").path("selector").path("matchLabels"));
            List<JsonNode> selected = manifests.ofKind("Deployment").filter(deployment -> !selector.isEmpty()
                    && strings(deployment.path("spec").path("template").path("metadata").path("labels")).entrySet()
                    .containsAll(selector.entrySet())).toList();
            if (selected.size() != 1) {
                problem(budget, "selects " + selected.size() + " Deployments, expected one");
                return;
            }
            int replicas = minimumReplicas(selected.get(0));
            JsonNode minAvailable = budget.path("spec").path("minAvailable");
            if (minAvailable.isInt() && minAvailable.asInt() >= replicas) {
                problem(budget, "keeps " + minAvailable.asInt() + " of " + replicas + " pods: no node could ever "
                        + "be drained");
            }
        });
    }

    private void redundant(App app) {
        manifests.find("Deployment", app.name()).ifPresent(deployment -> {
            if (deployment.path("spec").path("replicas").asInt(1) < 2) {
                problem(deployment, "runs " + deployment.path("spec").path("replicas").asInt(1)
                        + " pod in production, expected at least 2");
            }
            Map<String, String> pods = strings(deployment.path("spec").path("template").path("metadata").path("labels"));
            boolean budget = manifests.ofKind("PodDisruptionBudget").anyMatch(pdb -> {
                Map<String, String> selector = strings(pdb.path("spec").path("selector").path("matchLabels"));
                return !selector.isEmpty() && pods.entrySet().containsAll(selector.entrySet())
                        && pdb.path("spec").path("minAvailable").asInt(0) >= 1;
            });
            if (!budget) {
                problem(deployment, "has no PodDisruptionBudget keeping at least one pod");
            }
            Optional<JsonNode> autoscaler = autoscaler(app.name());
            if (autoscaler.isEmpty()) {
                problem(deployment, "has no HorizontalPodAutoscaler");
                return;
            }
            JsonNode spec = autoscaler.get().path("spec");
            if (spec.path("minReplicas").asInt(1) < 2 || spec.path("maxReplicas").asInt() < spec.path("minReplicas").asInt(1)) {
                problem(autoscaler.get(), "scales between " + spec.path("minReplicas").asInt(1) + " and "
                        + spec.path("maxReplicas").asInt() + ", expected at least 2");
            }
            boolean cpu = false;
            for (JsonNode metric : spec.path("metrics")) {
                cpu |= metric.path("type").asString("").equals("Resource")
                        && metric.path("resource").path("name").asString("").equals("cpu");
            }
            if (!cpu) {
                problem(autoscaler.get(), "does not scale on CPU");
            }
        });
    }

    private Optional<JsonNode> autoscaler(String deployment) {
        return manifests.ofKind("HorizontalPodAutoscaler").filter(hpa -> {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            return target.path("kind").asString("").equals("Deployment")
                    && target.path("name").asString("").equals(deployment);
        }).findFirst();
    }

    private int minimumReplicas(JsonNode deployment) {
        return autoscaler(Manifests.name(deployment)).map(hpa -> hpa.path("spec").path("minReplicas").asInt(1))
                .orElse(deployment.path("spec").path("replicas").asInt(1));
    }

    // ---- helpers

    private static Integer port(JsonNode port, Map<String, Integer> named) {
        if (port.isInt()) {
            return port.asInt();
        }
        String text = port.asString("");
        return text.matches("\\d+") ? Integer.valueOf(text) : named.get(text);
    }

    private static BigDecimal bytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity));
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        object.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new TreeMap<>();
        fields(object).forEach((key, value) -> strings.put(key, value.asString("")));
        return strings;
    }

    /** Where a variable's value comes from; for a MongoDB connection string, whose user it is. */
    private record Source(String value, boolean secret, MongoUser mongoUser) {

        static Source config(String value) {
            return new Source(value, false, null);
        }

        static Source secret(MongoUser user) {
            return new Source("", true, user);
        }
    }

    private record MongoUser(String name, Set<String> databases) {
    }
}
