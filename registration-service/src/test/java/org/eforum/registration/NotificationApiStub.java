package org.eforum.registration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * notification-service's delivery log API as registration-service meets it ({@code GET /api/notifications
 * ?registrationId=…} with Basic auth, JSON array): a test says what it answers for a registration — a log, an error,
 * or nothing until the caller gave up. Every other registration gets 503, as from a service that is down. The tests'
 * service account is {@code log-reader}/{@code log-reader-secret}; other credentials get 401.
 */
public final class NotificationApiStub {

    public static final String USERNAME = "log-reader";
    public static final String PASSWORD = "log-reader-secret";
    private static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final Map<String, String> LOGS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HANGING = new ConcurrentHashMap<>();
    private static final HttpServer SERVER = start();

    private NotificationApiStub() {
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    /** The JSON array the log of {@code registrationId} answers with. */
    public static void answer(String registrationId, String jsonArray) {
        LOGS.put(registrationId, jsonArray);
    }

    /** The log of {@code registrationId} answers nothing until {@link #release} (or half a minute passed). */
    public static void hang(String registrationId) {
        HANGING.put(registrationId, new CountDownLatch(1));
    }

    public static void release(String registrationId) {
        CountDownLatch latch = HANGING.remove(registrationId);
        if (latch != null) {
            latch.countDown();
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "notification-api-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/api/notifications", NotificationApiStub::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String registrationId = query == null || !query.startsWith("registrationId=") ? ""
                : java.net.URLDecoder.decode(query.substring("registrationId=".length()), StandardCharsets.UTF_8);
        CountDownLatch hanging = HANGING.get(registrationId);
        if (hanging != null) {
            try {
                hanging.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"status\": 401}");
            return;
        }
        String log = LOGS.get(registrationId);
        respond(exchange, log == null ? 503 : 200, log == null ? "{\"status\": 503}" : log);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the caller gave up waiting (a hanging log): nothing to answer to
        }
    }
}
