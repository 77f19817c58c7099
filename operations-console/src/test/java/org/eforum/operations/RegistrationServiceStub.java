package org.eforum.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for registration-service's {@code GET /api/operations/outbox} (an HTTP server of the JDK): it answers
 * what the test sets, and 401 unless it is called with the operator's Basic credentials.
 */
final class RegistrationServiceStub {

    static final String EXPECTED_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("operator:operator-pw".getBytes(StandardCharsets.UTF_8));

    private final HttpServer server;
    volatile String outbox = """
            {"checkedAt": "2027-01-01T10:00:00Z", "collections": [
              {"collection": "conferences", "pending": 0, "oldestPendingSince": null, "oldestAgeSeconds": null},
              {"collection": "registrations", "pending": 2, "oldestPendingSince": "2027-01-01T09:58:30Z",
               "oldestAgeSeconds": 90},
              {"collection": "erasures", "pending": 0, "oldestPendingSince": null, "oldestAgeSeconds": null}]}
            """;
    volatile String lastAuthorization;

    RegistrationServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/operations/outbox", this::outbox);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void outbox(HttpExchange exchange) throws IOException {
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean allowed = EXPECTED_AUTHORIZATION.equals(lastAuthorization);
        byte[] body = (allowed ? outbox : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
