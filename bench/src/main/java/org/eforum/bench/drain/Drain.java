package org.eforum.bench.drain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eforum.bench.api.Stack;

/**
 * Waits, polling every 100 ms, until what the 201s promised has arrived everywhere: (a) every event on Kafka,
 * (b) every consenting person in the public directory, (c) every mail in the SMTP server. Each is timed from
 * the last 201, the moment a user would start waiting for the effects.
 */
public final class Drain {

    /** Counters before the workload started, so other traffic (an earlier run, a preload) does not count. */
    public record Baseline(long registrationsEndOffsets, Optional<Stack.MailStats> mail, Long appMailsSent) {

        /** Where mail is counted: the catcher's deliveries, else notification-service's own counter, else nowhere. */
        public String mailSource() {
            return mail.isPresent() ? CATCHER : appMailsSent != null ? APP_COUNTER : null;
        }
    }

    public static final String CATCHER = "catcher deliveries";
    public static final String APP_COUNTER = "app's mails sent";

    /** What the workload's 201s owe: deliveries per (mail, recipient), mails per SMTP transaction. */
    public record Expected(String directoryQuery, long events, long listed, long deliveries, long mails) {
    }

    /**
     * Seconds after the last 201 at which each part was complete (null: not within the timeout, or n/a for
     * mail without the catcher's stats), and what was still missing at the end.
     */
    public record Result(Double eventsSeconds, Double directorySeconds, Double mailSeconds, String mailSource,
            long eventsPublished, long outboxPending, long listed, Long mailCount, Long mailExpected,
            Long duplicates, List<String> missing) {

        public boolean mailKnown() {
            return mailSource != null;
        }


        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private Drain() {
    }

    public static Baseline baseline(Stack stack, Topics topics) throws Exception {
        return new Baseline(topics.endOffsetSum(Topics.REGISTRATIONS), stack.mailStats(), stack.mailsSent());
    }

    public static Result await(Stack stack, Topics topics, Baseline baseline, Expected expected, long fromNanos,
            long timeoutNanos) throws InterruptedException {
        Double events = null;
        Double directory = null;
        Double mail = null;
        String source = baseline.mailSource();
        boolean mailKnown = source != null;
        boolean catcher = CATCHER.equals(source);
        long mailExpected = catcher ? expected.deliveries() : expected.mails();
        long published = 0;
        long pending = -1;
        long listed = 0;
        Long deliveries = null;
        Long duplicates = null;
        long deadline = fromNanos + timeoutNanos;
        long nextProgress = System.nanoTime() + 10_000_000_000L;
        while (true) {
            long now = System.nanoTime();
            if (now > nextProgress) {
                // A long drain should not look like a hung bench.
                System.err.printf("  drain +%.0f s: events %d/%d, listed %d/%d, mail %s/%d%n",
                        seconds(now - fromNanos), published, expected.events(), listed, expected.listed(),
                        deliveries == null ? "n/a" : deliveries.toString(), mailExpected);
                nextProgress = now + 10_000_000_000L;
            }
            if (events == null) {
                try {
                    published = topics.endOffsetSum(Topics.REGISTRATIONS) - baseline.registrationsEndOffsets();
                    // The outbox view needs the operator's login, and every Basic login costs the app a bcrypt
                    // hash (tens of ms of CPU): ask it only once Kafka holds enough, not every 100 ms.
                    if (published >= expected.events()) {
                        pending = stack.outboxPending();
                    }
                    if (pending == 0 && published >= expected.events()) {
                        events = seconds(System.nanoTime() - fromNanos);
                    }
                } catch (Exception e) {
                    // a busy app may answer late; the next poll asks again
                }
            }
            if (directory == null) {
                try {
                    listed = stack.listed(expected.directoryQuery());
                    if (listed >= expected.listed()) {
                        directory = seconds(System.nanoTime() - fromNanos);
                    }
                } catch (Exception e) {
                    // as above
                }
            }
            if (mailKnown && mail == null) {
                if (catcher) {
                    Optional<Stack.MailStats> stats = stack.mailStats();
                    if (stats.isPresent()) {
                        deliveries = stats.get().messages() - baseline.mail().get().messages();
                        duplicates = stats.get().duplicates() - baseline.mail().get().duplicates();
                    }
                } else {
                    Long sent = stack.mailsSent();
                    if (sent != null) {
                        deliveries = sent - baseline.appMailsSent();
                    }
                }
                if (deliveries != null && deliveries >= mailExpected) {
                    mail = seconds(System.nanoTime() - fromNanos);
                }
            }
            boolean done = events != null && directory != null && (!mailKnown || mail != null);
            if (done || now > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        if (catcher) {
            // Duplicates may still trickle in after the count is reached; read them once more at the end.
            Optional<Stack.MailStats> last = stack.mailStats();
            if (last.isPresent()) {
                deliveries = last.get().messages() - baseline.mail().get().messages();
                duplicates = last.get().duplicates() - baseline.mail().get().duplicates();
            }
        }
        List<String> missing = new ArrayList<>();
        if (events == null) {
            missing.add("events: " + published + " of " + expected.events() + " on " + Topics.REGISTRATIONS
                    + ", " + pending + " outbox documents pending");
        }
        if (directory == null) {
            missing.add("directory: " + listed + " of " + expected.listed() + " listed");
        }
        if (mailKnown && mail == null) {
            missing.add("mail: " + deliveries + " of " + mailExpected + " " + source);
        }
        return new Result(events, directory, mail, source, published, pending, listed, deliveries,
                mailKnown ? mailExpected : null, duplicates, List.copyOf(missing));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
