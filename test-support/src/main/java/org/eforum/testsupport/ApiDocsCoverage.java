package org.eforum.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of an app's own REST endpoints its OpenAPI document leaves out: every {@code @RestController} method in an
 * {@code org.eforum} package, each of its paths and HTTP methods, must appear under {@code paths} in
 * {@code /v3/api-docs}. A new controller is then documented or the app's test fails.
 */
public final class ApiDocsCoverage {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiDocsCoverage() {
    }

    /** GETs a path of the app on localhost, with HTTP Basic when a user is given. */
    public static HttpResponse<String> get(int port, String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The app's OpenAPI document, read as the given user; fails unless the answer is 200. */
    public static JsonNode apiDocs(int port, String user, String password) {
        HttpResponse<String> response = get(port, "/v3/api-docs", user, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
        }
        return JsonMapper.builder().build().readTree(response.body());
    }

    /** "GET /api/…" for each endpoint missing from the document; empty when all are there. */
    public static List<String> undocumented(ApplicationContext context, JsonNode apiDocs) {
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints(context)) {
            String[] methodAndPath = endpoint.split(" ", 2);
            JsonNode path = apiDocs.path("paths").path(methodAndPath[1]);
            if (!path.has(methodAndPath[0].toLowerCase())) {
                missing.add(endpoint);
            }
        }
        return missing;
    }

    /** The app's own REST endpoints as "METHOD /path", from Spring MVC's handler mappings. */
    public static List<String> endpoints(ApplicationContext context) {
        List<String> endpoints = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (isOurs(handler)) {
                        endpoints.addAll(endpoints(info));
                    }
                }));
        return endpoints.stream().distinct().sorted().toList();
    }

    private static boolean isOurs(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        return type.getPackageName().startsWith("org.eforum")
                && AnnotatedElementUtils.hasAnnotation(type, RestController.class);
    }

    private static List<String> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        // A mapping without a method answers all of them; the document must at least show GET.
        Set<RequestMethod> shown = methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
        List<String> endpoints = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            for (RequestMethod method : shown) {
                endpoints.add(method.name() + " " + pattern);
            }
        }
        return endpoints;
    }
}
