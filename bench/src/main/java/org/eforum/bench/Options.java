package org.eforum.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every flag of {@code ./bench/rush}, with its default. */
public record Options(
        boolean start,
        int stored,
        int conferences,
        int seats,
        int registrations,
        int connections,
        Duration drainTimeout,
        int ceilingSeconds,
        int runs,
        boolean ceilings,
        int smtpThreads,
        String registrationUrl,
        String directoryUrl,
        String notificationUrl,
        String kafka,
        String smtp,
        String imap,
        String mailStatsUrl,
        String operator,
        String organiser,
        Path root,
        Path results) {

    static final String USAGE = """
            Usage: ./bench/rush [flags]
              --start                 start ./run-local --no-demo as a child process and stop it at the end
              --stored N              preload N registrations (unmeasured) into preload conferences [0]
              --conferences N         rush conferences [20]
              --seats N               seats per rush conference [500]
              --registrations N       registrations in the rush [20000]
              --connections N         concurrent connections (also for the GET ceiling) [64]
              --drain-timeout S       seconds to wait for events, directory and mail after the last 201 [600]
              --ceiling-seconds S     duration of the GET ceiling [10]
              --runs K                rushes on the same stack, one column each [1]; 0 with --stored only preloads
              --no-ceilings           skip the raw GET / Kafka / SMTP ceilings
              --smtp-threads N        raw SMTP sender threads; notification-service sends on 3 listener threads [3]
              --registration-url U    [http://localhost:8081]
              --directory-url U       [http://localhost:8082]
              --notification-url U    its mail counter stands in for the catcher's stats [http://localhost:8083]
              --kafka HOST:PORT       [127.0.0.1:9092]
              --smtp HOST:PORT        [127.0.0.1:3025]
              --imap HOST:PORT        to measure one real participant mail's size [127.0.0.1:3143]
              --mail-stats-url U      the mail catcher's stats [http://127.0.0.1:8025/api/stats]
              --operator USER:PASS    [operator:operator]
              --organiser USER:PASS   [organiser:organiser]
              --results DIR           where the JSON goes [bench/results]
            """;

    static Options parse(String[] args, Path root) {
        List<String> a = new ArrayList<>(List.of(args));
        boolean start = a.remove("--start");
        boolean ceilings = !a.remove("--no-ceilings");
        Options o = new Options(start, 0, 20, 500, 20_000, 64, Duration.ofSeconds(600), 10, 1, ceilings, 3,
                "http://localhost:8081", "http://localhost:8082", "http://localhost:8083", "127.0.0.1:9092", "127.0.0.1:3025",
                "127.0.0.1:3143", "http://127.0.0.1:8025/api/stats", "operator:operator", "organiser:organiser",
                root, root.resolve("bench/results"));
        for (int i = 0; i < a.size(); i += 2) {
            String flag = a.get(i);
            if (i + 1 >= a.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = a.get(i + 1);
            o = switch (flag) {
                case "--stored" -> o.with(b -> b.stored = nonNegative(flag, v));
                case "--conferences" -> o.with(b -> b.conferences = positive(flag, v));
                case "--seats" -> o.with(b -> b.seats = positive(flag, v));
                case "--registrations" -> o.with(b -> b.registrations = positive(flag, v));
                case "--connections" -> o.with(b -> b.connections = positive(flag, v));
                case "--drain-timeout" -> o.with(b -> b.drainTimeout = Duration.ofSeconds(positive(flag, v.replaceAll("s$", ""))));
                case "--ceiling-seconds" -> o.with(b -> b.ceilingSeconds = positive(flag, v.replaceAll("s$", "")));
                case "--runs" -> o.with(b -> b.runs = nonNegative(flag, v));
                case "--smtp-threads" -> o.with(b -> b.smtpThreads = positive(flag, v));
                case "--registration-url" -> o.with(b -> b.registrationUrl = v);
                case "--directory-url" -> o.with(b -> b.directoryUrl = v);
                case "--notification-url" -> o.with(b -> b.notificationUrl = v);
                case "--kafka" -> o.with(b -> b.kafka = v);
                case "--smtp" -> o.with(b -> b.smtp = v);
                case "--imap" -> o.with(b -> b.imap = v);
                case "--mail-stats-url" -> o.with(b -> b.mailStatsUrl = v);
                case "--operator" -> o.with(b -> b.operator = v);
                case "--organiser" -> o.with(b -> b.organiser = v);
                case "--results" -> o.with(b -> b.results = Path.of(v));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            };
        }
        if (o.seats > 100_000) {
            throw new IllegalArgumentException("--seats: a conference has at most 100000 seats");
        }
        return o;
    }

    private static int positive(String flag, String v) {
        int n = nonNegative(flag, v);
        if (n == 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String flag, String v) {
        try {
            int n = Integer.parseInt(v.replace("_", ""));
            if (n < 0) {
                throw new IllegalArgumentException(flag + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " wants a number, not " + v);
        }
    }

    /** Records have no withers; a mutable copy keeps the flag switch to one line per flag. */
    private Options with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        boolean start; int stored; int conferences; int seats; int registrations; int connections;
        Duration drainTimeout; int ceilingSeconds; int runs; boolean ceilings; int smtpThreads;
        String registrationUrl; String directoryUrl; String notificationUrl; String kafka; String smtp; String imap; String mailStatsUrl;
        String operator; String organiser; Path root; Path results;

        Builder(Options o) {
            start = o.start; stored = o.stored; conferences = o.conferences; seats = o.seats;
            registrations = o.registrations; connections = o.connections; drainTimeout = o.drainTimeout;
            ceilingSeconds = o.ceilingSeconds; runs = o.runs; ceilings = o.ceilings; smtpThreads = o.smtpThreads;
            registrationUrl = o.registrationUrl; directoryUrl = o.directoryUrl; notificationUrl = o.notificationUrl;
            kafka = o.kafka; smtp = o.smtp;
            imap = o.imap; mailStatsUrl = o.mailStatsUrl; operator = o.operator; organiser = o.organiser;
            root = o.root; results = o.results;
        }

        Options build() {
            return new Options(start, stored, conferences, seats, registrations, connections, drainTimeout,
                    ceilingSeconds, runs, ceilings, smtpThreads, registrationUrl, directoryUrl, notificationUrl, kafka, smtp, imap,
                    mailStatsUrl, operator, organiser, root, results);
        }
    }
}
