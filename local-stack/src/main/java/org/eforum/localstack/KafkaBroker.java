package org.eforum.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), run from Kafka's own
 * jars in a child JVM as it would run in production. Its log directory is formatted once and then kept, so
 * topics and the consumers' offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final int advertisedPort;
    private final int controllerPort;
    private final Path workDir;
    private final Path log;
    private final String classpath;
    private final JavaRuntime java;
    private Process process;

    public KafkaBroker(int port, int controllerPort, Path workDir, Path log, String classpath, JavaRuntime java) {
        this(port, port, controllerPort, workDir, log, classpath, java);
    }

    /**
     * @param advertisedPort the port clients are told to connect to: a proxy's in front of {@code port}, since
     *                       Kafka clients reconnect to the advertised listener, not to the bootstrap address
     */
    public KafkaBroker(int port, int advertisedPort, int controllerPort, Path workDir, Path log, String classpath,
            JavaRuntime java) {
        this.port = port;
        this.advertisedPort = advertisedPort;
        this.controllerPort = controllerPort;
        this.workDir = workDir;
        this.log = log;
        this.classpath = classpath;
        this.java = java;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + advertisedPort;
    }

    public KafkaBroker start() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path logDir = workDir.resolve("data");
        Path config = workDir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + advertisedPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "") );
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString()), log, Duration.ofSeconds(60));
        }
        process = start(List.of("kafka.Kafka", config.toString()), log);
        awaitReady(log);
        return this;
    }

    private List<String> command(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(java.java().toString(), "-Xms128m", "-Xmx384m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dlogback.configurationFile=" + logbackConfig(),
                "-cp", classpath));
        command.addAll(mainAndArgs);
        return command;
    }

    private String logbackConfig() {
        Path file = workDir.resolve("logback.xml");
        try {
            Files.writeString(file, """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }

    private void run(List<String> mainAndArgs, Path log, Duration timeout) throws IOException, InterruptedException {
        Process format = start(mainAndArgs, log);
        if (!format.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("Formatting Kafka's storage failed; see " + log);
        }
    }

    private Process start(List<String> mainAndArgs, Path log) throws IOException {
        return java.processBuilder(command(mainAndArgs)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitReady(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // Its own port, not the advertised one: a proxy in front of it may be cut while it starts.
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw ExitReport.exited("Kafka", process, log);
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    Thread.onSpinWait();
                }
            }
        }
        throw new IllegalStateException("Kafka did not become ready in " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker: SIGTERM for a controlled shutdown, then kill after a grace period. */
    public void stop() {
        ChildJvm.stop(process);
    }

    /** Starts the broker stopped by {@link #stop()} again on the same data. */
    public void startAgain() throws IOException, InterruptedException {
        process = start(List.of("kafka.Kafka", workDir.resolve("server.properties").toString()), log);
        awaitReady(log);
    }

    /** Starts the broker again on the same data, for tests that take Kafka away and bring it back. */
    public void restart() throws IOException, InterruptedException {
        stop();
        process = start(List.of("kafka.Kafka", workDir.resolve("server.properties").toString()), log);
        awaitReady(log);
    }

    @Override
    public void close() {
        stop();
    }
}
