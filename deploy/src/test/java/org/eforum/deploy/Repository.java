package org.eforum.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eforum.contracts.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * What the manifests must agree with, read from the rest of the repository rather than written down twice: the
 * apps' application.yml, their environment in docker-compose.yml, the topics the code declares and the keys of
 * kubernetes/secrets.env.example.
 */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Set<String> PUBLIC_APPS = Set.of("registration-service", "directory-service");
    static final List<String> APPS = List.of("registration-service", "directory-service", "notification-service",
            "operations-console");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    private Repository() {
    }

    static List<App> apps() throws IOException {
        Map<String, String> configurations = new LinkedHashMap<>();
        for (String app : APPS) {
            configurations.put(app, Files.readString(ROOT.resolve(app + "/src/main/resources/application.yml")));
        }
        Set<String> placeholdersOfAnyApp = new TreeSet<>();
        configurations.values().forEach(text -> placeholdersOfAnyApp.addAll(placeholders(text)));
        Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(
                Files.readString(ROOT.resolve("docker-compose.yml"))).get("services"));
        return APPS.stream().map(name -> app(name, configurations.get(name), placeholdersOfAnyApp,
                map(map(services.get(name)).get("environment")).keySet())).toList();
    }

    /**
     * An app needs a variable of its compose environment when its application.yml reads it (${NAME}) or when no
     * app's application.yml does, which leaves Spring's relaxed binding (EFORUM_SECURITY_ACCOUNTS_0_PASSWORD):
     * so the console, which compose gives MONGODB_URI with every app, is not asked for one.
     */
    private static App app(String name, String configuration, Set<String> placeholdersOfAnyApp, Set<String> composeEnv) {
        Map<String, Object> yaml = new Yaml().load(configuration);
        Set<String> own = placeholders(configuration);
        Set<String> environment = new TreeSet<>();
        composeEnv.forEach(variable -> {
            if (own.contains(variable) || !placeholdersOfAnyApp.contains(variable)) {
                environment.add(variable);
            }
        });
        Object managementPort = at(yaml, "management", "server", "port");
        int port = Integer.parseInt(String.valueOf(managementPort != null ? managementPort : at(yaml, "server", "port")));
        Object database = at(yaml, "spring", "mongodb", "database");
        Set<String> healthPaths = new LinkedHashSet<>();
        healthPaths.add("/actuator/health");
        if (Boolean.TRUE.equals(at(yaml, "management", "endpoint", "health", "probes", "enabled"))) {
            healthPaths.add("/actuator/health/liveness");
            healthPaths.add("/actuator/health/readiness");
        }
        Object groups = at(yaml, "management", "endpoint", "health", "group");
        if (groups != null) {
            map(groups).keySet().forEach(group -> healthPaths.add("/actuator/health/" + group));
        }
        Object exposure = at(yaml, "management", "endpoints", "web", "exposure", "include");
        if (exposure != null && !String.valueOf(exposure).matches("(?:.*,)?\\s*(health|\\*)\\s*(?:,.*)?")) {
            healthPaths.clear();
        }
        return new App(name, port, database == null ? null : String.valueOf(database), healthPaths, environment,
                PUBLIC_APPS.contains(name));
    }

    /**
     * The topics the apps declare: contracts' Topics (with their dead-letter topics), the console's re-drives and its
     * topic samples.
     */
    static List<ExpectedTopic> topics() throws IOException {
        String redrives = constant("deadletter/DeadLetterTopics.java", "REDRIVES");
        String samples = constant("topic/SamplesTopicConfig.java", "SAMPLES");
        // Compaction as EforumKafkaAutoConfiguration, RedriveTopicConfig and SamplesTopicConfig declare it.
        return List.of(
                new ExpectedTopic(Topics.REGISTRATIONS, Topics.PARTITIONS, false),
                new ExpectedTopic(Topics.CONFERENCES, Topics.PARTITIONS, true),
                new ExpectedTopic(Topics.ERASURES, Topics.PARTITIONS, true),
                new ExpectedTopic(Topics.PERSON_KEYS, Topics.PARTITIONS, true),
                new ExpectedTopic(Topics.deadLetterTopicOf(Topics.REGISTRATIONS), Topics.PARTITIONS, false),
                new ExpectedTopic(Topics.deadLetterTopicOf(Topics.CONFERENCES), Topics.PARTITIONS, false),
                new ExpectedTopic(Topics.deadLetterTopicOf(Topics.ERASURES), Topics.PARTITIONS, false),
                new ExpectedTopic(Topics.ACCOUNTS, Topics.PARTITIONS, false),
                new ExpectedTopic(Topics.deadLetterTopicOf(Topics.ACCOUNTS), Topics.PARTITIONS, false),
                new ExpectedTopic(redrives, 1, true),
                new ExpectedTopic(samples, 1, false));
    }

    /** A string constant of the console's source, {@code NAME = "value"}. */
    private static String constant(String file, String name) throws IOException {
        String source = Files.readString(ROOT.resolve("operations-console/src/main/java/org/eforum/operations/" + file));
        Matcher matcher = Pattern.compile(name + " = \"([^\"]+)\"").matcher(source);
        if (!matcher.find()) {
            throw new AssertionError(name + " not found in " + file);
        }
        return matcher.group(1);
    }

    /** The keys of the Secret eforum-secrets, as kubernetes/secrets.env.example documents them. */
    static Map<String, String> secretKeys() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(KUBERNETES.resolve("secrets.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Object at(Map<String, Object> yaml, String... path) {
        Object node = yaml;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }
}
