package org.eforum.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for notification-service's operator endpoints ({@code /api/notifications/deliveries} and a delivery's
 * {@code /mail}): it answers what the test sets and remembers the query it was asked.
 */
final class NotificationServiceStub {

    private final HttpServer server;
    volatile String deliveries = "[]";
    volatile String mail;
    volatile String lastQuery;
    volatile String lastMailPath;

    NotificationServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/notifications/deliveries", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        boolean allowed = RegistrationServiceStub.EXPECTED_AUTHORIZATION.equals(
                exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getRawPath();
        int status;
        String body;
        if (!allowed) {
            status = 401;
            body = "{\"status\":401}";
        } else if (path.endsWith("/mail")) {
            lastMailPath = path;
            status = mail == null ? 404 : 200;
            body = mail == null ? "{\"status\":404}" : mail;
        } else {
            lastQuery = exchange.getRequestURI().getRawQuery();
            status = 200;
            body = deliveries;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
