package org.eforum.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in this JVM between the apps and one server (Kafka, the store, SMTP), for the fault suite where no
 * Docker runs Toxiproxy: it forwards its port to the target, {@link #cut()} closes every connection and refuses
 * new ones (the port is closed, so a connect is refused as by a host that went away), {@link #restore()} listens
 * again, and {@link #latency(Duration)} holds each chunk that passes, in either direction, that long.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CHUNK = 16 * 1024;

    private final String name;
    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long latencyNanos;
    private volatile ServerSocket listener;
    private volatile Thread acceptor;

    /**
     * @param port       where the proxy listens (on loopback)
     * @param targetPort the server it forwards to (on loopback)
     */
    public TcpProxy(String name, int port, int targetPort) {
        this.name = name;
        this.port = port;
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    }

    public TcpProxy start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread accepting = new Thread(() -> accept(socket), "proxy-" + name + "-accept");
        accepting.setDaemon(true);
        accepting.start();
        acceptor = accepting;
        return this;
    }

    public int port() {
        return port;
    }

    public int targetPort() {
        return target.getPort();
    }

    /** Closes every connection at once and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket socket = listener;
        listener = null;
        closeQuietly(socket);
        awaitAcceptorEnd();
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * The JDK defers closing a listening socket while a thread is blocked in its accept: until that thread has
     * left, a connect can still land in the backlog. The cut is only real once it has.
     */
    private void awaitAcceptorEnd() {
        Thread accepting = acceptor;
        if (accepting != null && accepting != Thread.currentThread()) {
            try {
                accepting.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Accepts connections again (after a {@link #cut()}); nothing when it is listening. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            start();
        }
    }

    /** Each chunk read from either side waits this long before it is forwarded; zero for none. */
    public void latency(Duration perChunk) {
        latencyNanos = perChunk.toNanos();
    }

    /** The connections open now, both sides counted once. */
    public int connections() {
        return open.size() / 2;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return; // cut or closed
            }
            Socket server = new Socket();
            try {
                server.connect(target, 5_000);
            } catch (IOException unreachable) {
                // The target is down (a stopped broker, a killed store): the client sees its connection end.
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            if (listener != socket) { // cut while connecting
                closeQuietly(client);
                closeQuietly(server);
                return;
            }
            open.add(client);
            open.add(server);
            pump(client, server, "up");
            pump(server, client, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    long latency = latencyNanos;
                    if (latency > 0) {
                        TimeUnit.NANOSECONDS.sleep(latency); // the latency is the point of this proxy
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException | InterruptedException closed) {
                // the other side or a cut closed the connection
            } catch (IOException e) {
                // a broken connection ends both sides, as it would over a real network
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-" + name + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        cut();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "proxy " + name + " :" + port + " -> :" + target.getPort();
    }
}
