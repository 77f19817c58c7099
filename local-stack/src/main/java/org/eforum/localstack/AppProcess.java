package org.eforum.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One app in its own JVM, started from its runnable jar as in production, its output in a log file. */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The port distance between one instance of an app and the next: 8081, 8181, 8281 … */
    public static final int INSTANCE_PORT_STEP = 100;

    private final App app;
    private final int instance;
    private final int port;
    private final Path log;
    private final Process process;

    private AppProcess(App app, int instance, int port, Path log, Process process) {
        this.app = app;
        this.instance = instance;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * @param instance 1 for the first instance of the app (on its contract port), 2 for the second (that port +
     *                 {@value #INSTANCE_PORT_STEP}), and so on
     */
    public static AppProcess start(App app, int instance, Path root, Ports ports, JavaRuntime java,
            Map<String, String> environment, Path logDir) throws IOException {
        Path jar = runnableJar(root, app);
        int port = app.port(ports) + (instance - 1) * INSTANCE_PORT_STEP;
        List<String> command = new ArrayList<>(List.of(java.java().toString(),
                // Full tiered compilation: C1 alone starts a little sooner but caps the throughput of a rush.
                // Serial GC: eight JVMs share two cores, so a GC that works beside the app would take it from another.
                "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx" + app.heapMegabytes() + "m",
                // Code and class metadata outside the heap count in the RSS too; these bounds leave room to spare.
                "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=160m",
                "-Djava.awt.headless=true", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.profiles.active=local"));
        if (java.hasVirtualThreads()) {
            command.add("--spring.threads.virtual.enabled=true");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(app.module() + (instance == 1 ? "" : "-" + instance) + ".log");
        ProcessBuilder builder = java.processBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // a restarted instance adds to its log
        builder.environment().putAll(environment);
        return new AppProcess(app, instance, port, log, builder.start());
    }

    static Path runnableJar(Path root, App app) throws IOException {
        Path target = root.resolve(app.module()).resolve("target");
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException("No " + target + ": build first with ./mvnw -DskipTests package");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar in " + target
                            + ": build first with ./mvnw -DskipTests package"));
        }
    }

    public App app() {
        return app;
    }

    public int instance() {
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /actuator/health} answers UP. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw ExitReport.exited(name(), process, log);
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250); // polling a child process; there is nothing to wait on instead
        }
        throw new IllegalStateException(name() + " was not UP within " + timeout.toSeconds() + " s; see " + log
                + ExitReport.reasonIn(log));
    }

    /** The module, and the instance when it is not the first: "registration-service #2". */
    public String name() {
        return app.module() + (instance == 1 ? "" : " #" + instance);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would: no graceful shutdown. */
    public void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    /** SIGTERM (Spring Boot shuts down gracefully), SIGKILL after a grace period. */
    @Override
    public void close() {
        ChildJvm.stop(process);
    }
}
