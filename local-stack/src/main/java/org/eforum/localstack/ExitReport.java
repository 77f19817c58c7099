package org.eforum.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a child process that exited early did: the lines of its log that say so, quoted in the exception, because
 * a CI run keeps the console but not the stack's log directory.
 */
final class ExitReport {

    private static final int MOST_LINES = 12;

    private ExitReport() {
    }

    static IllegalStateException exited(String name, Process process, Path log) {
        return new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log
                + reasonIn(log));
    }

    /** Spring Boot's failure analysis when there is one, else the last causes, else the log's last lines. */
    static String reasonIn(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
        int failed = lastIndexContaining(lines, "APPLICATION FAILED TO START");
        List<String> quoted;
        if (failed >= 0) {
            quoted = lines.subList(failed, Math.min(lines.size(), failed + MOST_LINES));
        } else {
            List<String> causes = lines.stream().filter(l -> l.startsWith("Caused by:")).toList();
            quoted = !causes.isEmpty() ? causes.subList(Math.max(0, causes.size() - 3), causes.size())
                    : lines.subList(Math.max(0, lines.size() - MOST_LINES), lines.size());
        }
        return quoted.stream().filter(l -> !l.isBlank()).map(l -> "\n  | " + l).collect(Collectors.joining());
    }

    private static int lastIndexContaining(List<String> lines, String text) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
