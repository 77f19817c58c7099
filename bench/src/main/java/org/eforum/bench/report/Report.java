package org.eforum.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eforum.bench.api.Json;
import org.eforum.bench.ceiling.Ceilings;
import org.eforum.bench.process.StackProcesses;

/** The Markdown table (a column per run, targets with ✓/✗) and the JSON file with the same figures. */
public final class Report {

    /** One row: a value per run and, when the row has a target, whether the run met it. */
    private record Row(String metric, String target, Function<RunFigures, String> value,
            Function<RunFigures, Boolean> met) {
    }

    private Report() {
    }

    public static String markdown(List<RunFigures> runs) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("stored registrations at start", "", r -> n(r.storedAtStart())));
        rows.add(row("registrations sent (conferences × seats)", "",
                r -> r.registrations() + " (" + r.conferences() + " × " + r.seats() + ")"));
        rows.add(row("accepted 201 (confirmed / waitlisted)", "",
                r -> r.accepted() + " (" + r.confirmed() + " / " + r.waitlisted() + ")"));
        rows.add(row("rush duration s", "", r -> f(r.rushSeconds())));
        rows.add(new Row("accepted/s", "≥ 0.5 × GET ceiling", r -> f(r.acceptedPerSecond()),
                r -> r.acceptedVsGet() == null ? null : r.acceptedVsGet() >= 0.5));
        rows.add(row("accept latency p50 ms", "", r -> f(r.p50Ms())));
        rows.add(new Row("accept latency p99 ms", "≤ 100 ms", r -> f(r.p99Ms()), r -> r.p99Ms() <= 100));
        rows.add(row("accept latency max ms", "", r -> f(r.maxMs())));
        rows.add(new Row("(a) events on Kafka, s after last 201", "≤ 5 s", r -> f(r.eventsDrainSeconds()),
                r -> r.eventsDrainSeconds() != null && r.eventsDrainSeconds() <= 5));
        rows.add(new Row("(b) listed in directory, s after last 201", "≤ 10 s", r -> f(r.directoryDrainSeconds()),
                r -> r.directoryDrainSeconds() != null && r.directoryDrainSeconds() <= 10));
        rows.add(new Row("(c) mails in SMTP server, s after last 201", "≤ 1.5 × raw SMTP time",
                r -> f(r.mailDrainSeconds()), r -> r.mailVsRawSmtp() == null ? null : r.mailVsRawSmtp() <= 1.5));
        rows.add(row("mails complete, s after rush start", "", r -> f(r.mailsCompleteSinceRushStartSeconds())));
        rows.add(row("mail count of expected (counted as)", "",
                r -> r.mailCountedAs() == null ? "n/a (no catcher stats, no app counter)"
                        : n(r.mailCount()) + " of " + n(r.expectedMailCount()) + " (" + r.mailCountedAs() + ")"));
        rows.add(row("mail count/s, rush start → last mail", "", r -> f(r.mailCountPerSecond())));
        rows.add(new Row("errors (non-201, IO)", "0", r -> r.errors() + kinds(r.errorKinds()),
                r -> r.errors() == 0));
        rows.add(new Row("lost (201 not in the organiser's list)", "0", r -> n(r.lost()), r -> r.lost() == 0));
        rows.add(new Row("status / seat-count disagreements", "0",
                r -> r.statusMismatches() + " / " + r.seatMismatches().size(),
                r -> r.statusMismatches() == 0 && r.seatMismatches().isEmpty()));
        rows.add(new Row("duplicate mails", "0", r -> r.duplicateMails() == null ? "n/a" : n(r.duplicateMails()),
                r -> r.duplicateMails() == null ? null : r.duplicateMails() == 0));
        rows.add(row("GET ceiling req/s (GET /api/conferences/{id})", "",
                r -> c(r, c -> c.get() == null ? null : f(c.get().perSecond()))));
        rows.add(row("  accepted/s ÷ GET ceiling", "", r -> f(r.acceptedVsGet())));
        rows.add(row("raw Kafka producer: records, records/s, s", "",
                r -> c(r, c -> c.kafka() == null ? null : n(c.kafka().records()) + ", " + f(c.kafka().perSecond())
                        + ", " + f(c.kafka().seconds()) + " (" + c.kafka().valueBytes() + " B"
                        + (c.kafka().sampledReal() ? "" : " est.") + ")")));
        rows.add(row("  events drain ÷ raw producer time", "", r -> f(r.eventsVsRawKafka())));
        rows.add(row("raw SMTP sender: mails, mails/s, s", "",
                r -> c(r, c -> c.smtp() == null ? null : n(c.smtp().mails()) + ", " + f(c.smtp().perSecond())
                        + ", " + f(c.smtp().seconds()) + " (" + c.smtp().threads() + " thread"
                        + (c.smtp().threads() == 1 ? "" : "s") + ", " + c.smtp().mailBytes() / 1024 + " KB"
                        + (c.smtp().measuredReal() ? "" : " est.") + ")")));
        rows.add(row("  mail drain ÷ raw SMTP time", "", r -> f(r.mailVsRawSmtp())));
        Set<String> labels = new LinkedHashSet<>();
        runs.forEach(r -> labels.addAll(r.processes().keySet()));
        for (String label : labels) {
            rows.add(row("CPU s / peak RSS MB: " + label, "", r -> {
                StackProcesses.Figures p = r.processes().get(label);
                return p == null ? "–" : f(p.cpuSeconds()) + " / " + Math.round(p.peakRssMb());
            }));
        }
        rows.add(row("CPU s / peak RSS MB: whole stack", "",
                r -> f(r.stackCpuSeconds()) + " / " + Math.round(r.stackPeakRssMb())));

        StringBuilder md = new StringBuilder();
        md.append("| metric | target |");
        runs.forEach(r -> md.append(" run ").append(r.run()).append(" |"));
        md.append("\n| --- | --- |");
        runs.forEach(r -> md.append(" ---: |"));
        md.append('\n');
        for (Row row : rows) {
            md.append("| ").append(row.metric()).append(" | ").append(row.target()).append(" |");
            for (RunFigures r : runs) {
                Boolean met = row.met() == null ? null : row.met().apply(r);
                md.append(' ').append(row.value().apply(r)).append(met == null ? "" : met ? " ✓" : " ✗").append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Writes {@code rush-<UTC timestamp>.json} and returns its path. */
    public static Path json(Path directory, Map<String, Object> options, List<RunFigures> runs) throws IOException {
        Files.createDirectories(directory);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path file = directory.resolve("rush-" + stamp + ".json");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("options", options);
        List<Map<String, Object>> perRun = new ArrayList<>();
        for (RunFigures r : runs) {
            Map<String, Object> m = new LinkedHashMap<>(Json.MAPPER.convertValue(r, Map.class));
            // Derived figures, so a reader of the file need not recompute them.
            m.put("acceptedVsGet", r.acceptedVsGet());
            m.put("eventsVsRawKafka", r.eventsVsRawKafka());
            m.put("mailVsRawSmtp", r.mailVsRawSmtp());
            m.put("stackCpuSeconds", r.stackCpuSeconds());
            m.put("stackPeakRssMb", r.stackPeakRssMb());
            perRun.add(m);
        }
        all.put("runs", perRun);
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
        return file;
    }

    private static Row row(String metric, String target, Function<RunFigures, String> value) {
        return new Row(metric, target, value, null);
    }

    private static String c(RunFigures r, Function<Ceilings, String> part) {
        if (r.ceilings() == null) {
            return "skipped";
        }
        String v = part.apply(r.ceilings());
        return v == null ? "n/a" : v;
    }

    private static String kinds(Map<String, Long> kinds) {
        return kinds.isEmpty() ? "" : " " + kinds;
    }

    static String f(Double v) {
        if (v == null) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String n(Long v) {
        return v == null ? "n/a" : Long.toString(v);
    }
}
