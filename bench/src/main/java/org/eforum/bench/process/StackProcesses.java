package org.eforum.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stack's JVMs, found in /proc: the launcher ({@code org.eforum.localstack.*} main class) and every java
 * descendant of it, labelled by jar or main class. Without a launcher (a stack started otherwise), every java
 * process that looks like a part of the stack. CPU from /proc/pid/stat, RSS from /proc/pid/status (Linux only).
 */
public final class StackProcesses {

    /** CLK_TCK on Linux x86-64 and arm64; /proc/pid/stat counts in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    public record Proc(long pid, String label) {
    }

    /** One process over a measured interval. */
    public record Figures(String label, long pid, double cpuSeconds, double peakRssMb) {
    }

    private StackProcesses() {
    }

    public static List<Proc> discover() {
        Map<Long, String> labels = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(d -> d.getFileName().toString().matches("\\d+")).forEach(d -> {
                long pid = Long.parseLong(d.getFileName().toString());
                if (pid == self) {
                    return;
                }
                List<String> argv = cmdline(d);
                if (argv.isEmpty() || !(argv.get(0).equals("java") || argv.get(0).endsWith("/java"))) {
                    return;
                }
                String label = label(argv);
                if (label != null) {
                    labels.put(pid, label);
                    long[] stat = stat(pid);
                    if (stat != null) {
                        parents.put(pid, stat[0]);
                    }
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        List<Long> launchers = labels.entrySet().stream().filter(e -> e.getValue().startsWith("launcher"))
                .map(Map.Entry::getKey).toList();
        List<Proc> found = new ArrayList<>();
        for (Map.Entry<Long, String> e : labels.entrySet()) {
            boolean inTree = launchers.isEmpty() ? !e.getValue().startsWith("java ")
                    : launchers.contains(e.getKey()) || descendsFrom(e.getKey(), Set.copyOf(launchers), parents);
            if (inTree) {
                found.add(new Proc(e.getKey(), e.getValue()));
            }
        }
        found.sort((a, b) -> a.label().compareTo(b.label()));
        return found;
    }

    private static boolean descendsFrom(long pid, Set<Long> ancestors, Map<Long, Long> parents) {
        // The apps are children of the launcher; parents outside the java set end the walk.
        Long p = parents.get(pid);
        if (p == null) {
            long[] stat = stat(pid);
            p = stat == null ? null : stat[0];
        }
        for (int depth = 0; p != null && p > 1 && depth < 10; depth++) {
            if (ancestors.contains(p)) {
                return true;
            }
            long[] stat = stat(p);
            p = stat == null ? null : stat[0];
        }
        return false;
    }

    /** A short name for the process, or null for an unrelated JVM (the bench, Maven, an IDE …). */
    static String label(List<String> argv) {
        String jar = null;
        String main = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-jar") && i + 1 < argv.size()) {
                jar = Path.of(argv.get(i + 1)).getFileName().toString();
                break;
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path") || a.equals("-p")
                    || a.equals("--module-path") || a.equals("--add-opens") || a.equals("--add-exports")) {
                i++;
                continue;
            }
            if (!a.startsWith("-")) {
                main = a;
                break;
            }
        }
        String what = jar != null ? jar : main == null ? "" : main;
        for (String app : List.of("registration-service", "directory-service", "notification-service",
                "operations-console")) {
            if (what.contains(app)) {
                return app;
            }
        }
        if (what.equals("kafka.Kafka")) {
            return "kafka broker";
        }
        if (what.equals("org.eforum.localstack.LocalStack")) {
            return "launcher (run-local)";
        }
        if (what.startsWith("org.eforum.localstack.")) {
            return what.substring("org.eforum.localstack.".length());
        }
        if (what.startsWith("org.eforum.bench.") || what.contains("plexus-classworlds") || what.contains("surefire")) {
            return null;
        }
        return "java " + what;
    }

    /** Samples peak RSS every 250 ms and takes CPU at both ends; {@link #stop()} gives the figures. */
    public static final class Sampler implements AutoCloseable {

        private final List<Proc> procs;
        private final Map<Long, Long> cpuStart = new HashMap<>();
        private final Map<Long, Long> cpuLast = new HashMap<>();
        private final Map<Long, Long> peakKb = new HashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        public Sampler(List<Proc> procs) {
            this.procs = List.copyOf(procs);
            for (Proc p : procs) {
                long[] stat = stat(p.pid());
                cpuStart.put(p.pid(), stat == null ? 0 : stat[1]);
                sampleRss(p.pid());
            }
            thread = new Thread(() -> {
                while (running) {
                    for (Proc p : this.procs) {
                        sampleRss(p.pid());
                        long[] stat = stat(p.pid());
                        if (stat != null) {
                            cpuLast.put(p.pid(), stat[1]);
                        }
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void sampleRss(long pid) {
            long kb = rssKb(pid);
            peakKb.merge(pid, kb, Math::max);
        }

        public synchronized Map<String, Figures> stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(2000);
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (Proc p : procs) {
                long[] stat = stat(p.pid());
                long end = stat != null ? stat[1] : cpuLast.getOrDefault(p.pid(), cpuStart.get(p.pid()));
                String label = figures.containsKey(p.label()) ? p.label() + " #" + p.pid() : p.label();
                figures.put(label, new Figures(label, p.pid(), (end - cpuStart.get(p.pid())) / TICKS_PER_SECOND,
                        peakKb.getOrDefault(p.pid(), 0L) / 1024.0));
            }
            return figures;
        }

        @Override
        public void close() throws InterruptedException {
            if (running) {
                stop();
            }
        }
    }

    private static List<String> cmdline(Path dir) {
        try {
            String raw = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>();
            for (String s : raw.split("\0")) {
                if (!s.isEmpty()) {
                    argv.add(s);
                }
            }
            return argv;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** [ppid, utime + stime] or null when the process is gone. */
    static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may contain spaces and parentheses; the fields start after the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }
}
