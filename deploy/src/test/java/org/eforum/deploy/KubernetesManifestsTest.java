package org.eforum.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay as {@code kubectl kustomize} renders it — the objects a {@code kubectl apply -k} would send — read
 * strictly into the Kubernetes and Strimzi models and checked against what the apps need ({@link ManifestRules}).
 * Without kubectl on the PATH the rendering tests are skipped (reported as such); the repository checks still run.
 */
class KubernetesManifestsTest {

    private static final Path OVERLAYS = Repository.KUBERNETES.resolve("overlays");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static Optional<Path> kubectl = Optional.empty();
    private static String missing = "";

    @BeforeAll
    static void findKubectl() throws IOException, InterruptedException {
        kubectl = Kustomize.kubectl();
        if (kubectl.isEmpty()) {
            missing = "kubectl is not on the PATH: the Kubernetes overlays are not rendered (any kubectl 1.27+ "
                    + "checks them)";
        } else {
            Optional<String> unsuitable = Kustomize.unsuitable(kubectl.get());
            if (unsuitable.isPresent()) {
                missing = unsuitable.get() + ": the Kubernetes overlays are not rendered";
                kubectl = Optional.empty();
            }
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "production"})
    void everyRenderedObjectReadsIntoItsSchema(String overlay) throws Exception {
        List<String> problems = KubernetesModel.problems(render(overlay).objects());

        assertThat(problems).as("overlays/" + overlay + " against the Kubernetes and Strimzi schemas").isEmpty();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "production"})
    void theOverlayDeploysWhatTheAppsNeed(String overlay) throws Exception {
        Manifests manifests = render(overlay);

        List<String> problems = ManifestRules.check(manifests, Repository.apps(), Repository.secretKeys().keySet(),
                Repository.topics(), overlay.equals("production"));

        assertThat(problems).as("overlays/" + overlay).isEmpty();
        assertThat(manifests.ofKind("Deployment")).hasSize(Repository.APPS.size());
        assertThat(manifests.ofKind("KafkaTopic")).hasSize(Repository.topics().size());
    }

    @Test
    void devRunsOnePodPerAppAndProductionAtLeastTwo() throws Exception {
        assertThat(render("dev").ofKind("Deployment").map(d -> d.path("spec").path("replicas").asInt()))
                .containsOnly(1);
        assertThat(render("production").ofKind("Deployment").map(d -> d.path("spec").path("replicas").asInt()))
                .allMatch(replicas -> replicas >= 2);
        assertThat(render("dev").ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void secretsExampleHasNoValueAndIsNotCommittable() throws IOException {
        Map<String, String> keys = Repository.secretKeys();

        assertThat(keys).as("secrets.env.example").isNotEmpty().allSatisfy((key, value) ->
                assertThat(value).as(key + " in secrets.env.example").isEmpty());
        assertThat(Files.readAllLines(Repository.ROOT.resolve(".gitignore"))).as(".gitignore")
                .contains("deploy/kubernetes/secrets.env");
    }

    @Test
    void theAppsServeTheProbesTheManifestsCall() throws IOException {
        // If an app's application.yml lost its probe groups, the Deployments' probes would answer 404 and the
        // pods would never become ready: the rules above compare against these.
        assertThat(Repository.apps()).allSatisfy(app -> assertThat(app.healthPaths()).as(app.name())
                .contains("/actuator/health/liveness", "/actuator/health/readiness"));
    }

    private static Manifests render(String overlay) throws IOException, InterruptedException {
        assumeTrue(kubectl.isPresent(), missing);
        Manifests rendered = RENDERED.get(overlay);
        if (rendered == null) {
            rendered = new Manifests(Kustomize.render(kubectl.get(), OVERLAYS.resolve(overlay)));
            RENDERED.put(overlay, rendered);
        }
        return rendered;
    }
}
