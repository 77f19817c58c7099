package org.eforum.bench.stack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code --start}: {@code ./run-local --no-demo} as a child process, ready when it prints "E-Forum is up",
 * stopped with SIGTERM (its shutdown hook stops every JVM of the stack).
 */
public final class LocalStackChild implements AutoCloseable {

    private final Process process;

    private LocalStackChild(Process process) {
        this.process = process;
    }

    public static LocalStackChild start(Path root, int timeoutSeconds) throws Exception {
        // run-local's ports are fixed; a second stack (or a test bound to one of them) would fail half-way.
        for (int port : new int[] {8081, 8082, 8083, 8084, 9092, 9093, 27017, 3025, 3143}) {
            if (listening(port)) {
                throw new IllegalStateException("something already listens on " + port + "; is a stack running? "
                        + "Run without --start to measure it, or stop it first");
            }
        }
        Process process = new ProcessBuilder(root.resolve("run-local").toString(), "--no-demo")
                .directory(root.toFile()).redirectErrorStream(true).start();
        LocalStackChild child = new LocalStackChild(process);
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    // The stack's own output goes to stderr, so stdout keeps only the table.
                    System.err.println("run-local | " + line);
                    if (line.contains("E-Forum is up")) {
                        up.complete(true);
                    }
                }
            } catch (Exception e) {
                // the process ended
            }
            up.complete(false);
        }, "run-local-output");
        reader.setDaemon(true);
        reader.start();
        boolean ready;
        try {
            ready = up.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            ready = false;
        }
        if (!ready) {
            boolean exited = !process.isAlive();
            child.close();
            throw new IllegalStateException(exited
                    ? "./run-local exited with " + process.exitValue() + " before 'E-Forum is up'; see its output above"
                            + " and .local-stack/logs/"
                    : "./run-local did not print 'E-Forum is up' within " + timeoutSeconds + " s; see .local-stack/logs/");
        }
        return child;
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            System.err.println("run-local did not stop within 90 s; killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
