package org.eforum.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The ports of one stack ({@code mailApi}: the mail server's statistics over HTTP). {@link #contract()} are the
 * fixed local ports of the public contract.
 */
public record Ports(int registration, int directory, int notification, int console, int kafka, int kafkaController,
        int mongo, int smtp, int imap, int mailApi) {

    public static Ports contract() {
        return new Ports(8081, 8082, 8083, 8084, 9092, 9093, 27017, 3025, 3143, 8025);
    }

    private static final int LOW = 20000;
    private static final int HIGH = 32700;
    private static final java.util.Random RANDOM = new java.util.Random();

    /** Free ports, for tests that must not collide with a running local stack. */
    public static Ports free() {
        return free(1);
    }

    /**
     * Free ports for a stack of {@code instances} instances of each app: an app's port is chosen only when the
     * ports of its further instances ({@value AppProcess#INSTANCE_PORT_STEP} apart) are free too, and no two
     * ports are the same, because every socket stays bound until all are chosen.
     */
    public static Ports free(int instances) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] app = new int[4];
            for (int i = 0; i < app.length; i++) {
                app[i] = freeWithInstances(instances, held);
            }
            int[] infrastructure = new int[6];
            for (int i = 0; i < infrastructure.length; i++) {
                infrastructure[i] = freeWithInstances(1, held);
            }
            return new Ports(app[0], app[1], app[2], app[3], infrastructure[0], infrastructure[1],
                    infrastructure[2], infrastructure[3], infrastructure[4], infrastructure[5]);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    /** One more free port in the same range, e.g. for a server that hides behind a {@link TcpProxy}. */
    public static int freePort() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            return freeWithInstances(1, held);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    private static int freeWithInstances(int instances, List<ServerSocket> held) {
        for (int attempt = 0; attempt < 100; attempt++) {
            // Below Linux's ephemeral range (32768–60999), so an outgoing connection never takes a port
            // between its choice here and the app's bind.
            int port = LOW + RANDOM.nextInt(HIGH - LOW - instances * AppProcess.INSTANCE_PORT_STEP);
            ServerSocket first = tryBind(port);
            if (first == null) {
                continue;
            }
            List<ServerSocket> these = new ArrayList<>(List.of(first));
            for (int k = 1; k < instances; k++) {
                ServerSocket next = tryBind(port + k * AppProcess.INSTANCE_PORT_STEP);
                if (next == null) {
                    break;
                }
                these.add(next);
            }
            if (these.size() == instances) {
                held.addAll(these);
                return port;
            }
            these.forEach(Ports::closeQuietly);
        }
        throw new IllegalStateException("No free port in " + LOW + "–" + HIGH + " with " + instances + " free ports "
                + AppProcess.INSTANCE_PORT_STEP + " apart after 100 tries");
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSocket tryBind(int port) {
        try {
            return bind(port);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // a socket that will not close is the OS's to reclaim
        }
    }
}
