package org.eforum.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The ports of one stack ({@code mailApi}: the mail server's statistics over HTTP). {@link #contract()} are the
 * fixed local ports of the public contract.
 */
public record Ports(int registration, int directory, int notification, int console, int kafka, int kafkaController,
        int mongo, int smtp, int imap, int mailApi) {

    public static Ports contract() {
        return new Ports(8081, 8082, 8083, 8084, 9092, 9093, 27017, 3025, 3143, 8025);
    }

    /** Free ports, for tests that must not collide with a running local stack. */
    public static Ports free() {
        return new Ports(free1(), free1(), free1(), free1(), free1(), free1(), free1(), free1(), free1(), free1());
    }

    private static int free1() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
