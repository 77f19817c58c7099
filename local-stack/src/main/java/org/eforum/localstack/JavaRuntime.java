package org.eforum.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK to run the apps on: {@code EFORUM_JAVA_HOME} when set, else the newest JDK 17+ found in JAVA_HOME, the
 * running JVM or /usr/lib/jvm. On 21 and newer the apps use virtual threads.
 */
public record JavaRuntime(Path home, int feature) {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /**
     * A process builder for a JVM of the stack. glibc gives each thread that allocates its own malloc arena (up to
     * eight per core, 64 MB of address space each, partly resident); a JVM allocates its heap itself, so two arenas
     * are plenty and the stack's RSS is smaller by what the others kept.
     */
    public ProcessBuilder processBuilder(java.util.List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    public boolean hasVirtualThreads() {
        return feature >= 21;
    }

    public static JavaRuntime newest() {
        String forced = System.getenv("EFORUM_JAVA_HOME");
        if (forced != null && !forced.isBlank()) {
            return of(Path.of(forced)).orElseThrow(() -> new IllegalStateException("EFORUM_JAVA_HOME=" + forced + " is not a JDK"));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.forEach(candidates::add);
            } catch (IOException e) {
                // keep the candidates we have
            }
        }
        return candidates.stream().map(JavaRuntime::of).flatMap(Optional::stream)
                .filter(runtime -> runtime.feature >= 17)
                .max(Comparator.comparingInt(JavaRuntime::feature))
                .orElseThrow(() -> new IllegalStateException("No JDK 17 or newer found"));
    }

    static Optional<JavaRuntime> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isReadable(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(new JavaRuntime(home.toRealPath(), Integer.parseInt(matcher.group(1))))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
