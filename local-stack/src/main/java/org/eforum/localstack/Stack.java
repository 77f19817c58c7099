package org.eforum.localstack;

import java.io.File;
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
    private final Map<App, List<AppProcess>> apps = new EnumMap<>(App.class);
    private final Map<Infrastructure, TcpProxy> proxies = new EnumMap<>(Infrastructure.class);
    private Map<String, String> environment;
    private KafkaBroker kafka;
    private MailServer mail;
    private MongoWire mongo;
    private String bootstrapServers;
    private String mongoUri;

    /**
     * @param root          the repository root (the apps' jars are under {@code <module>/target})
     * @param workDir       where {@code data/} (the store, Kafka's log, the mail) and {@code logs/} go
     * @param kafkaClasspath the local stack's runtime class path (Kafka's jars, the store, the mail server), for
     *                      the servers' JVMs
     * @param fresh         true to delete {@code data/} first and start empty
     * @param externalKafka bootstrap servers of a broker started elsewhere, or null to start one
     * @param externalMongo URI of a MongoDB started elsewhere, or null to start the wire server
     * @param instances     how many instances of each app (1 to 4); the n-th listens on its app's port +
     *                      (n - 1) × {@value AppProcess#INSTANCE_PORT_STEP}
     * @param proxied       true to put a {@link TcpProxy} on the ports of Kafka, the store and SMTP, in front of
     *                      the servers on ports of their own, so that the fault suite can cut and slow the apps'
     *                      connections (the broker advertises the proxy's port, so clients reconnect through it)
     */
    public record Options(Path root, Ports ports, Path workDir, JavaRuntime java, String kafkaClasspath,
            String externalKafka, String externalMongo, Set<App> apps, boolean fresh, int instances,
            boolean proxied) {

        public Options {
            if (instances < 1 || instances > 4) {
                throw new IllegalArgumentException("instances must be 1 to 4, not " + instances);
            }
        }

        /** No proxies. */
        public Options(Path root, Ports ports, Path workDir, JavaRuntime java, String kafkaClasspath,
                String externalKafka, String externalMongo, Set<App> apps, boolean fresh, int instances) {
            this(root, ports, workDir, java, kafkaClasspath, externalKafka, externalMongo, apps, fresh, instances,
                    false);
        }

        /** The same stack on the same data, started again (fresh or not). */
        public Options withFresh(boolean fresh) {
            return new Options(root, ports, workDir, java, kafkaClasspath, externalKafka, externalMongo, apps, fresh,
                    instances, proxied);
        }

        /** One instance of each app. */
        public Options(Path root, Ports ports, Path workDir, JavaRuntime java, String kafkaClasspath,
                String externalKafka, String externalMongo, Set<App> apps, boolean fresh) {
            this(root, ports, workDir, java, kafkaClasspath, externalKafka, externalMongo, apps, fresh, 1);
        }

        Path data() {
            return workDir.resolve("data");
        }

        Path logs() {
            return workDir.resolve("logs");
        }

        /** The launcher's own classes (the store and the mail server) and its dependencies. */
        String serverClasspath() {
            return root.resolve("local-stack/target/classes") + File.pathSeparator + kafkaClasspath;
        }
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
        if (options.fresh()) {
            deleteRecursively(options.data());
        }
        deleteRecursively(options.logs());
        Files.createDirectories(options.data());
        Files.createDirectories(options.logs());

        if (options.proxied()) {
            // The proxies listen on the stack's ports (what the apps are given); the servers on ports of their own.
            for (Infrastructure server : Infrastructure.values()) {
                TcpProxy proxy = new TcpProxy(server.name().toLowerCase(java.util.Locale.ROOT), server.port(ports),
                        Ports.freePort()).start();
                proxies.put(server, proxy);
                started.add(proxy);
            }
        }
        if (options.externalMongo() == null) {
            mongo = new MongoWire(serverPort(Infrastructure.STORE, ports.mongo()), options.data().resolve("mongo/eforum.mv"),
                    options.logs().resolve("mongo.log"), options.java(), options.serverClasspath()).start();
            started.add(mongo);
            mongoUri = "mongodb://127.0.0.1:" + ports.mongo();
        } else {
            mongoUri = options.externalMongo();
        }
        mail = new MailServer(serverPort(Infrastructure.SMTP, ports.smtp()), ports.imap(), ports.mailApi(), options.data().resolve("mail"),
                options.logs().resolve("mail.log"), options.java(), options.serverClasspath()).start();
        started.add(mail);
        if (options.externalKafka() == null) {
            kafka = new KafkaBroker(serverPort(Infrastructure.KAFKA, ports.kafka()), ports.kafka(), ports.kafkaController(), options.data().resolve("kafka"),
                    options.logs().resolve("kafka.log"), options.kafkaClasspath(), options.java()).start();
            started.add(kafka);
            bootstrapServers = kafka.bootstrapServers();
        } else {
            bootstrapServers = options.externalKafka();
        }

        environment = Map.of(
                "MONGODB_URI", mongoUri,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(ports.smtp()),
                "EFORUM_PUBLIC_BASE_URL", "http://localhost:" + ports.registration(),
                // The apps' local profiles name the contract ports; on a stack of free ports these point each app
                // at the others of this stack (registration's delivery log, the console's health and APIs).
                "EFORUM_REGISTRATION_NOTIFICATION_API_URL", "http://localhost:" + ports.notification(),
                "REGISTRATION_SERVICE_URL", "http://localhost:" + ports.registration(),
                "DIRECTORY_SERVICE_URL", "http://localhost:" + ports.directory(),
                "NOTIFICATION_SERVICE_URL", "http://localhost:" + ports.notification());
        for (App app : options.apps()) {
            List<AppProcess> instances = new ArrayList<>();
            for (int instance = 1; instance <= options.instances(); instance++) {
                AppProcess process = AppProcess.start(app, instance, options.root(), ports, options.java(),
                        environment, options.logs());
                instances.add(process);
                started.add(process);
            }
            apps.put(app, List.copyOf(instances));
        }
        // All instances start at once on the same cores: each more of them makes every start slower.
        Duration timeout = APP_START_TIMEOUT.multipliedBy(options.instances());
        for (AppProcess process : allApps()) {
            process.awaitHealthy(timeout);
        }
    }

    /** The port a server listens on: behind its proxy, one of its own; otherwise the stack's. */
    private int serverPort(Infrastructure server, int stackPort) {
        TcpProxy proxy = proxies.get(server);
        return proxy == null ? stackPort : proxy.targetPort();
    }

    /** The servers the apps reach over TCP, each of which can sit behind a {@link TcpProxy}. */
    public enum Infrastructure {
        KAFKA, STORE, SMTP;

        int port(Ports ports) {
            return switch (this) {
                case KAFKA -> ports.kafka();
                case STORE -> ports.mongo();
                case SMTP -> ports.smtp();
            };
        }
    }

    /** The proxy in front of the server; only in a stack started with {@code proxied}. */
    public TcpProxy proxy(Infrastructure server) {
        TcpProxy proxy = proxies.get(server);
        if (proxy == null) {
            throw new IllegalStateException("This stack was started without proxies");
        }
        return proxy;
    }

    /**
     * SIGKILLs one app instance and starts it again in its place (same port, same data, its log appended to),
     * waiting until it is UP.
     */
    public AppProcess killAndRestart(AppProcess instance, Duration timeout) throws IOException, InterruptedException {
        instance.kill();
        started.remove(instance);
        AppProcess again = AppProcess.start(instance.app(), instance.instance(), options.root(), options.ports(),
                options.java(), environment, options.logs());
        started.add(again);
        List<AppProcess> instances = new ArrayList<>(apps.get(instance.app()));
        instances.set(instances.indexOf(instance), again);
        apps.put(instance.app(), List.copyOf(instances));
        again.awaitHealthy(timeout);
        return again;
    }

    /** The first instance's address. */
    public String baseUrl(App app) {
        return app(app).baseUrl();
    }

    /** The first instance of the app. */
    public AppProcess app(App app) {
        return apps.get(app).get(0);
    }

    /** Every instance of the app, the first first. */
    public List<AppProcess> instances(App app) {
        return apps.get(app);
    }

    private List<AppProcess> allApps() {
        return apps.values().stream().flatMap(List::stream).toList();
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

    /** The store this stack started, or null when MongoDB came from outside. */
    public MongoWire mongo() {
        return mongo;
    }

    /** The broker this stack started, or null when Kafka came from outside. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        if (mongo != null) {
            pids.add(mongo.pid());
        }
        pids.add(mail.pid());
        if (kafka != null) {
            pids.add(kafka.pid());
        }
        allApps().forEach(app -> pids.add(app.pid()));
        return pids;
    }

    /** SIGKILLs every process this stack started, all at once, as a power cut of the services would. */
    public void killAll() throws InterruptedException {
        for (AppProcess app : allApps()) {
            app.kill();
        }
        if (kafka != null) {
            kafka.kill();
        }
        if (mongo != null) {
            mongo.kill();
        }
        mail.kill();
        proxies.values().forEach(TcpProxy::close);
        started.clear();
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
