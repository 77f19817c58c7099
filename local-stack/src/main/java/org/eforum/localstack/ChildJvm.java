package org.eforum.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the stack's servers in a JVM of its own, with its own memory budget, started from the launcher's class
 * path: what it holds can never fill the launcher's or another server's heap, and it can be killed on its own.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final JavaRuntime java;
    private final List<String> command;
    private final Path log;
    private final int readyPort;
    private Process process;

    ChildJvm(String name, JavaRuntime java, List<String> jvmOptions, String classpath, String mainClass,
            List<String> arguments, Path log, int readyPort) {
        this.name = name;
        this.java = java;
        this.log = log;
        this.readyPort = readyPort;
        this.command = new ArrayList<>();
        command.add(java.java().toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", classpath, mainClass));
        command.addAll(arguments);
    }

    ChildJvm start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        process = java.processBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw ExitReport.exited(name, process, log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", readyPort), 500);
                return this;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(100); // polling a child process's port; there is nothing to wait on
            }
        }
        throw new IllegalStateException(name + " did not listen on " + readyPort + " within " + timeout.toSeconds()
                + " s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        kill(process);
    }

    @Override
    public void close() {
        stop(process);
    }

    /** SIGKILL and wait for the end; nothing when there is no process. */
    static void kill(Process process) throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM for a clean stop, SIGKILL after a grace period; nothing when there is no live process. */
    static void stop(Process process) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
