package org.eforum.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole pipeline on one machine: Kafka, the MongoDB-wire server and the mail server (unless given from
 * outside, as Testcontainers does), then the apps, each in its own JVM, started together and awaited until UP.
 * {@code ./run-local} and the end-to-end tests both use it, so the tests prove what a newcomer runs.
 */
public final class Stack implements AutoCloseable {

    private static final Duration APP_START_TIMEOUT = Duration.ofSeconds(180);

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<App, AppProcess> apps = new EnumMap<>(App.class);
    private KafkaBroker kafka;
    private MailServer mail;
    private String bootstrapServers;
    private String mongoUri;

    /**
     * @param root          the repository root (the apps' jars are under {@code <module>/target})
     * @param workDir       where logs and the broker's data go; emptied first
     * @param kafkaClasspath the class path of Apache Kafka's jars, for the broker's JVM
     * @param externalKafka bootstrap servers of a broker started elsewhere, or null to start one
     * @param externalMongo URI of a MongoDB started elsewhere, or null to start the wire server
     */
    public record Options(Path root, Ports ports, Path workDir, JavaRuntime java, String kafkaClasspath,
            String externalKafka, String externalMongo, Set<App> apps) {
    }

    private Stack(Options options) {
        this.options = options;
    }

    public static Stack start(Options options) throws IOException, InterruptedException {
        Stack stack = new Stack(options);
        try {
            stack.startAll();
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Ports ports = options.ports();
        deleteRecursively(options.workDir());
        Files.createDirectories(options.workDir());

        if (options.externalMongo() == null) {
            MongoWire mongo = new MongoWire(ports.mongo()).start();
            started.add(mongo);
            mongoUri = mongo.uri();
        } else {
            mongoUri = options.externalMongo();
        }
        mail = new MailServer(ports.smtp(), ports.imap()).start();
        started.add(mail);
        if (options.externalKafka() == null) {
            kafka = new KafkaBroker(ports.kafka(), ports.kafkaController(), options.workDir().resolve("kafka"),
                    options.kafkaClasspath(), options.java()).start();
            started.add(kafka);
            bootstrapServers = kafka.bootstrapServers();
        } else {
            bootstrapServers = options.externalKafka();
        }

        Map<String, String> environment = Map.of(
                "MONGODB_URI", mongoUri,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(ports.smtp()),
                "EFORUM_PUBLIC_BASE_URL", "http://localhost:" + ports.registration());
        for (App app : options.apps()) {
            AppProcess process = AppProcess.start(app, options.root(), ports, options.java(), environment,
                    options.workDir().resolve("logs"));
            apps.put(app, process);
            started.add(process);
        }
        for (AppProcess process : apps.values()) {
            process.awaitHealthy(APP_START_TIMEOUT);
        }
    }

    public String baseUrl(App app) {
        return apps.get(app).baseUrl();
    }

    public AppProcess app(App app) {
        return apps.get(app);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public MailServer mail() {
        return mail;
    }

    /** The broker this stack started, or null when Kafka came from outside. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        apps.values().forEach(app -> pids.add(app.pid()));
        return pids;
    }

    /** Stops in reverse order: apps first (they finish their work), then Kafka, mail and MongoDB. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
