package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault suite's proxy against a real echo server on loopback: forwards, cuts, refuses, restores, slows. */
class TcpProxyTest {

    private ServerSocket echo;
    private Thread echoServer;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        // Below the ephemeral range: once the echo server is closed, a connect to an ephemeral port on loopback can
        // be given that same port as its source and connect to itself (TCP's simultaneous open), echoing.
        echo = new ServerSocket(Ports.freePort(), 50, InetAddress.getLoopbackAddress());
        echoServer = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket connection = echo.accept();
                    Thread each = new Thread(() -> echoLines(connection));
                    each.setDaemon(true);
                    each.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        echoServer.setDaemon(true);
        echoServer.start();
        proxy = new TcpProxy("echo", Ports.freePort(), echo.getLocalPort()).start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        closeEcho();
    }

    /**
     * As {@link TcpProxy#cut()} does for its own listener: the JDK defers closing a listening socket while a thread
     * is blocked in its accept, so the echo server is down only once its accepting thread has left.
     */
    private void closeEcho() throws IOException {
        echo.close();
        try {
            echoServer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Client client = new Client(proxy.port())) {
            assertThat(client.ask("hello")).isEqualTo("hello");
            assertThat(client.ask("Здравей")).isEqualTo("Здравей");
        }
    }

    @Test
    void aCutEndsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        Client open = new Client(proxy.port());
        assertThat(open.ask("before")).isEqualTo("before");

        proxy.cut();

        assertThat(open.readLine()).as("the open connection ends").isNull();
        open.close();
        assertThatThrownBy(() -> new Client(proxy.port())).isInstanceOf(ConnectException.class);

        proxy.restore();
        try (Client again = new Client(proxy.port())) {
            assertThat(again.ask("after")).isEqualTo("after");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> proxy.connections() == 0);
    }

    @Test
    void latencyHoldsEachChunkAndCanBeTakenAway() throws IOException {
        try (Client client = new Client(proxy.port())) {
            proxy.latency(Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThat(client.ask("slow")).isEqualTo("slow");
            // one chunk up and one down, each held 300 ms
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

            proxy.latency(Duration.ZERO);
            client.ask("warm"); // the chunk read while the latency was set may still be held
            start = System.nanoTime();
            assertThat(client.ask("fast")).isEqualTo("fast");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        }
    }

    @Test
    void aDownTargetEndsTheClientsConnection() throws IOException {
        closeEcho();
        try (Client client = new Client(proxy.port())) {
            client.send("anyone?");
            assertThat(client.readLine()).isNull();
        } catch (IOException reset) {
            // as good as an end: nothing was answered
        }
    }

    private static void echoLines(Socket connection) {
        try (connection; BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(connection.getOutputStream(), true,
                StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
            }
        } catch (IOException e) {
            // the client or a cut ended it
        }
    }

    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final PrintWriter out;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        String ask(String line) throws IOException {
            send(line);
            return readLine();
        }

        void send(String line) {
            out.println(line);
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
