package org.eforum.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eforum.bench.api.Stack;
import org.eforum.bench.ceiling.Ceilings;
import org.eforum.bench.ceiling.GetCeiling;
import org.eforum.bench.ceiling.RawKafka;
import org.eforum.bench.ceiling.RawSmtp;
import org.eforum.bench.drain.Drain;
import org.eforum.bench.drain.Topics;
import org.eforum.bench.load.Load;
import org.eforum.bench.load.Workload;
import org.eforum.bench.process.StackProcesses;
import org.eforum.bench.report.Report;
import org.eforum.bench.report.RunFigures;
import org.eforum.bench.stack.LocalStackChild;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./bench/rush}: the opening rush of registrations against a running stack, through its public APIs only,
 * then the drain (events, directory, mail), the stores' counts, and same-run ceilings of the same machine.
 * Progress goes to stderr; the table (Markdown) to stdout; the figures also to bench/results/rush-*.json.
 */
public final class Rush {

    /** Per 201: the participant's mail (1 recipient) and the organisers' (contact To + one cc). */
    private static final int DELIVERIES_PER_REGISTRATION = 3;
    /** SMTP transactions per 201: the two mails above. */
    private static final int MAILS_PER_REGISTRATION = 2;
    /** A preload conference holds at most this many, so preload registrations are all confirmed. */
    private static final int PRELOAD_PER_CONFERENCE = 5000;

    private Rush() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, Path.of(System.getProperty("eforum.root", ".")).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        LocalStackChild child = null;
        try {
            child = options.start() ? LocalStackChild.start(options.root(), 900) : null;
            measure(options);
        } catch (IllegalStateException e) {
            System.err.println("rush: " + e.getMessage());
            stop(child);
            System.exit(1);
        }
        stop(child);
        // HttpClient and Kafka threads would keep the JVM alive a little; the work is done.
        System.exit(0);
    }

    private static void stop(LocalStackChild child) throws InterruptedException {
        if (child != null) {
            System.err.println("stopping ./run-local …");
            child.close();
        }
    }

    private static void measure(Options options) throws Exception {
        Stack stack = new Stack(options.registrationUrl(), options.directoryUrl(), options.notificationUrl(),
                options.mailStatsUrl(), options.operator(), options.organiser());
        requireStack(stack); // before the Kafka client, which would only log warnings about an absent broker
        try (Topics topics = new Topics(options.kafka())) {
            long epoch = Instant.now().getEpochSecond();
            if (options.stored() > 0) {
                preload(stack, topics, options, epoch);
            }
            List<RunFigures> runs = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                runs.add(rush(stack, topics, options, epoch, run));
            }
            if (runs.isEmpty()) {
                return; // a preload alone: the stack now holds it for later runs
            }
            System.out.println();
            System.out.print(Report.markdown(runs));
            Path json = Report.json(options.results(), optionsForJson(options), runs);
            System.err.println("figures written to " + options.root().relativize(json.toAbsolutePath()));
        }
    }

    private static void requireStack(Stack stack) {
        try {
            int status = stack.conference("bench-probe-no-such-conference").status();
            if (status != 404) {
                throw new IllegalStateException("unexpected HTTP " + status + " from " + stack.registrationUrl());
            }
        } catch (Exception e) {
            throw new IllegalStateException("no registration-service at " + stack.registrationUrl()
                    + " (" + e.getClass().getSimpleName() + "); start one with ./run-local --no-demo, or pass --start", e);
        }
    }

    private static void preload(Stack stack, Topics topics, Options o, long epoch) throws Exception {
        int conferences = (o.stored() + PRELOAD_PER_CONFERENCE - 1) / PRELOAD_PER_CONFERENCE;
        int seats = Math.min(100_000, (o.stored() + conferences - 1) / conferences);
        Workload workload = Workload.of("pre-" + epoch, "pre" + epoch + "z", conferences, seats, o.stored());
        System.err.printf("preload: %d registrations into %d conferences over %d connections …%n", o.stored(),
                conferences, o.connections());
        Load.createConferences(stack, workload);
        Drain.Baseline baseline = Drain.baseline(stack, topics);
        Load.Result result = Load.run(stack, workload, o.connections());
        Drain.Result drain = Drain.await(stack, topics, baseline, expected(workload, result),
                result.lastAcceptedNanos(), o.drainTimeout().toNanos());
        double sent = (result.endNanos() - result.startNanos()) / 1e9;
        System.err.printf("preload: %d accepted, %d errors in %.1f s (%.0f/s); drained %s s after the last 201%s%n",
                result.accepted(), result.errors(), sent, result.accepted() / sent,
                slowest(drain), drain.complete() ? "" : "; missing: " + drain.missing());
    }

    private static RunFigures rush(Stack stack, Topics topics, Options o, long epoch, int run) throws Exception {
        String prefix = "rush-" + epoch + "-" + run;
        Workload workload = Workload.of(prefix, "rush" + epoch + "r" + run + "z", o.conferences(), o.seats(),
                o.registrations());
        Long stored = stack.storedRegistrations();
        Load.createConferences(stack, workload);
        Drain.Baseline baseline = Drain.baseline(stack, topics);
        System.err.printf("run %d: %d registrations to %d conferences (%s-1…%d) over %d connections; mail stats %s%n",
                run, o.registrations(), o.conferences(), prefix, o.conferences(), o.connections(),
                baseline.mail().isPresent() ? "found"
                        : "n/a (no " + o.mailStatsUrl() + ")" + (baseline.appMailsSent() != null
                                ? "; counting the notification-service's mails sent instead" : ""));

        List<StackProcesses.Proc> procs = StackProcesses.discover();
        StackProcesses.Sampler sampler = new StackProcesses.Sampler(procs);
        Load.Result result = Load.run(stack, workload, o.connections());
        long lastAccepted = result.lastAcceptedNanos();
        System.err.printf("run %d: %d accepted, %d errors in %.1f s; draining …%n", run, result.accepted(),
                result.errors(), (result.endNanos() - result.startNanos()) / 1e9);
        Drain.Expected expected = expected(workload, result);
        Drain.Result drain = Drain.await(stack, topics, baseline, expected, lastAccepted, o.drainTimeout().toNanos());
        Map<String, StackProcesses.Figures> processes = sampler.stop();
        System.err.printf("run %d: drained (events %s s, directory %s s, mail %s s after the last 201)%s%n", run,
                oneDecimal(drain.eventsSeconds()), oneDecimal(drain.directorySeconds()),
                oneDecimal(drain.mailSeconds()),
                drain.complete() ? "" : "; missing: " + drain.missing());

        Counts counts = counts(stack, workload, result);

        Ceilings ceilings = null;
        Long rawSeen = null;
        if (o.ceilings()) {
            System.err.printf("run %d: ceilings …%n", run);
            GetCeiling.Result get = null;
            RawKafka.Result kafka = null;
            RawSmtp.Result smtp = null;
            List<String> problems = new ArrayList<>();
            try {
                get = GetCeiling.run(stack, workload.conferenceIds(), o.connections(),
                        Duration.ofSeconds(o.ceilingSeconds()));
            } catch (Exception e) {
                problems.add("GET: " + e);
            }
            try {
                kafka = RawKafka.run(topics, o.kafka(), Math.max(1, drain.eventsPublished()));
            } catch (Exception e) {
                problems.add("Kafka: " + e);
            }
            try {
                Integer real = firstAccepted(workload, result)
                        .map(email -> RawSmtp.realMailSize(o.imap(), email)).orElse(null);
                Optional<Stack.MailStats> before = stack.mailStats();
                smtp = RawSmtp.run(o.smtp(), Math.max(1, MAILS_PER_REGISTRATION * result.accepted()),
                        real == null ? RawSmtp.DEFAULT_SIZE : real, real != null, o.smtpThreads(), workload.tag());
                Optional<Stack.MailStats> after = stack.mailStats();
                if (before.isPresent() && after.isPresent()) {
                    rawSeen = after.get().messages() - before.get().messages();
                }
            } catch (Exception e) {
                problems.add("SMTP: " + e);
            }
            ceilings = new Ceilings(get, kafka, smtp, problems.isEmpty() ? null : String.join("; ", problems));
            if (!problems.isEmpty()) {
                System.err.println("run " + run + ": ceiling problems: " + problems);
            }
        }

        long[] latencies = result.acceptLatencies();
        double rushSeconds = (lastAccepted - result.startNanos()) / 1e9;
        Double sinceStart = drain.mailSeconds() == null ? null
                : drain.mailSeconds() + (lastAccepted - result.startNanos()) / 1e9;
        return new RunFigures(run, prefix, stored == null ? -1 : stored, o.registrations(), o.conferences(), o.seats(),
                o.connections(), result.accepted(), counts.confirmed(), counts.waitlisted(), result.acceptedListed(),
                rushSeconds, result.accepted() / rushSeconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                percentile(latencies, 1.0), drain.eventsSeconds(), drain.directorySeconds(), drain.mailSeconds(),
                sinceStart, drain.mailSource(), drain.mailExpected(), drain.mailCount(),
                sinceStart == null ? null : drain.mailCount() / sinceStart, result.errors(), result.errorKinds(),
                counts.lost(), counts.statusMismatches(), counts.seatMismatches(), drain.duplicates(),
                drain.missing(), ceilings, rawSeen, processes);
    }

    private static Drain.Expected expected(Workload workload, Load.Result result) {
        // Each 201 is one event, and each confirmed address one more.
        return new Drain.Expected(workload.tag(), result.accepted() + result.addressesConfirmed(),
                result.acceptedListed(),
                (long) DELIVERIES_PER_REGISTRATION * result.accepted(),
                (long) MAILS_PER_REGISTRATION * result.accepted());
    }

    /** What the stores say about the run's 201s. */
    private record Counts(long confirmed, long waitlisted, long lost, long statusMismatches,
            List<String> seatMismatches) {
    }

    private static Counts counts(Stack stack, Workload workload, Load.Result result) throws Exception {
        Map<String, Map<String, String>> acceptedByConference = new HashMap<>();
        for (int i = 0; i < result.answers().size(); i++) {
            Load.Answer a = result.answers().get(i);
            if (a.httpStatus() == 201) {
                acceptedByConference.computeIfAbsent(workload.registrations().get(i).conferenceId(),
                        k -> new HashMap<>()).put(a.id(), a.status());
            }
        }
        long confirmed = 0;
        long waitlisted = 0;
        long lost = 0;
        long mismatches = 0;
        List<String> seatMismatches = new ArrayList<>();
        for (String conference : workload.conferenceIds()) {
            Map<String, String> accepted = acceptedByConference.getOrDefault(conference, Map.of());
            Map<String, String> stored = new HashMap<>();
            for (JsonNode r : stack.registrations(conference)) {
                stored.put(r.path("id").asString(), r.path("status").asString());
            }
            long c = 0;
            long w = 0;
            for (Map.Entry<String, String> e : accepted.entrySet()) {
                String now = stored.get(e.getKey());
                if (now == null) {
                    lost++;
                } else if (!now.equals(e.getValue())) {
                    mismatches++; // nobody cancels during the rush, so no 201 status should change
                }
                if ("CONFIRMED".equals(e.getValue())) {
                    c++;
                } else if ("WAITLISTED".equals(e.getValue())) {
                    w++;
                }
            }
            confirmed += c;
            waitlisted += w;
            Stack.Seats seats = stack.seats(conference);
            if (seats.capacity() - seats.seatsLeft() != c || seats.waitlistLength() != w) {
                seatMismatches.add(conference + ": " + (seats.capacity() - seats.seatsLeft()) + " taken / "
                        + seats.waitlistLength() + " waiting, 201s said " + c + " / " + w);
            }
        }
        if (!seatMismatches.isEmpty()) {
            System.err.println("seat counts disagree: " + seatMismatches);
        }
        return new Counts(confirmed, waitlisted, lost, mismatches, List.copyOf(seatMismatches));
    }

    private static Optional<String> firstAccepted(Workload workload, Load.Result result) {
        for (int i = 0; i < result.answers().size(); i++) {
            if (result.answers().get(i).httpStatus() == 201) {
                return Optional.of(workload.registrations().get(i).email());
            }
        }
        return Optional.empty();
    }

    private static String oneDecimal(Double seconds) {
        return seconds == null ? "n/a" : String.format("%.1f", seconds);
    }

    /** Nearest-rank percentile in ms. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static String slowest(Drain.Result d) {
        double max = 0;
        for (Double s : new Double[] {d.eventsSeconds(), d.directorySeconds(), d.mailSeconds()}) {
            if (s != null) {
                max = Math.max(max, s);
            }
        }
        return String.format("%.1f", max);
    }

    private static Map<String, Object> optionsForJson(Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", o.start());
        m.put("stored", o.stored());
        m.put("conferences", o.conferences());
        m.put("seats", o.seats());
        m.put("registrations", o.registrations());
        m.put("connections", o.connections());
        m.put("drainTimeoutSeconds", o.drainTimeout().toSeconds());
        m.put("ceilingSeconds", o.ceilingSeconds());
        m.put("runs", o.runs());
        m.put("ceilings", o.ceilings());
        m.put("smtpThreads", o.smtpThreads());
        m.put("registrationUrl", o.registrationUrl());
        m.put("directoryUrl", o.directoryUrl());
        m.put("kafka", o.kafka());
        m.put("smtp", o.smtp());
        m.put("mailStatsUrl", o.mailStatsUrl());
        m.put("java", Runtime.version().toString());
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        return m;
    }
}
