package org.eforum.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code kubectl kustomize}, the renderer CI and operators use (kustomize is built into kubectl). */
final class Kustomize {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Kustomize() {
    }

    /** kubectl as the PATH finds it, if it is there. */
    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Why this kubectl cannot render the overlays, if it cannot: they use kustomize 5 (the {@code labels} field,
     * inline patches with targets), built into kubectl 1.27 and newer; Debian 12's kubernetes-client is 1.20.
     */
    static Optional<String> unsuitable(Path kubectl) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "version", "--client", "-o", "json")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Optional.of(kubectl + " version did not answer in 60 s");
        }
        Matcher kustomize = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)[^\"]*\"").matcher(out);
        if (!kustomize.find()) {
            return Optional.of(kubectl + " names no built-in kustomize version (kubectl before 1.24)");
        }
        if (Integer.parseInt(kustomize.group(1)) < 5) {
            return Optional.of(kubectl + " has kustomize v" + kustomize.group(1) + "; the overlays need v5 (kubectl 1.27+)");
        }
        return Optional.empty();
    }

    /** The objects {@code kubectl kustomize dir} renders; a failing render fails with kubectl's own message. */
    static List<JsonNode> render(Path kubectl, Path dir) throws IOException, InterruptedException {
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // A loaded CI machine: rendering takes well under a second, but give it a minute.
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + Files.readString(err));
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** A multi-document YAML stream as JSON trees (YAML 1.2: "no" stays a string). */
    static List<JsonNode> parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }
}
