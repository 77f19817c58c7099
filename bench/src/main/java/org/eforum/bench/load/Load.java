package org.eforum.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eforum.bench.api.Json;
import org.eforum.bench.api.Stack;
import tools.jackson.databind.JsonNode;

/**
 * Sends a workload's registrations over a fixed number of connections, each worker synchronously (one request
 * in flight per connection, like a browser behind a proxy), and records every answer's latency and status.
 */
public final class Load {

    /**
     * What came back for one submission; {@code id}/{@code status} only for a 201. A consenting participant then
     * confirms the address, as the button on their page does (the directory lists nobody before): {@code
     * confirmStatus} is that answer's HTTP status (0: not asked, or an IO error), {@code confirmEndNanos} when it
     * came back. {@code latencyNanos} is the submission's alone.
     */
    public record Answer(int httpStatus, long latencyNanos, long endNanos, String id, String status, String error,
            int confirmStatus, long confirmEndNanos) {

        Answer(int httpStatus, long latencyNanos, long endNanos, String id, String status, String error) {
            this(httpStatus, latencyNanos, endNanos, id, status, error, 0, 0);
        }

        boolean addressConfirmed() {
            return confirmStatus == 200;
        }
    }

    /** All answers, in submission order, plus the wall-clock frame of the rush. */
    public record Result(Workload workload, List<Answer> answers, long startNanos, long endNanos) {

        public long accepted() {
            return answers.stream().filter(a -> a.httpStatus() == 201).count();
        }

        /** Non-201 submissions, and address confirmations of consenting 201s that did not answer 200. */
        public long errors() {
            return answers.size() - accepted() + failedConfirmations();
        }

        /** Consenting 201s whose address was confirmed: the people the directory must list. */
        public long acceptedListed() {
            long n = 0;
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).httpStatus() == 201 && workload.registrations().get(i).listed()
                        && answers.get(i).addressConfirmed()) {
                    n++;
                }
            }
            return n;
        }

        /** Each confirmed address is one more event on the registrations topic. */
        public long addressesConfirmed() {
            return answers.stream().filter(Answer::addressConfirmed).count();
        }

        private long failedConfirmations() {
            long n = 0;
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).httpStatus() == 201 && workload.registrations().get(i).listed()
                        && !answers.get(i).addressConfirmed()) {
                    n++;
                }
            }
            return n;
        }

        /** When the last 201 (or the last address confirmation after one) came back; the drain is measured from here. */
        public long lastAcceptedNanos() {
            return answers.stream().filter(a -> a.httpStatus() == 201)
                    .mapToLong(a -> Math.max(a.endNanos(), a.confirmEndNanos())).max().orElse(endNanos);
        }

        /** Non-201 answers by kind, e.g. {@code 409: 3, IOException: 1}, for the report. */
        public Map<String, Long> errorKinds() {
            Map<String, Long> kinds = new TreeMap<>();
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                if (a.httpStatus() != 201) {
                    kinds.merge(a.httpStatus() > 0 ? "HTTP " + a.httpStatus() : a.error(), 1L, Long::sum);
                } else if (workload.registrations().get(i).listed() && !a.addressConfirmed()) {
                    kinds.merge("confirm-address " + (a.confirmStatus() > 0 ? "HTTP " + a.confirmStatus() : "error"),
                            1L, Long::sum);
                }
            }
            return kinds;
        }

        /** Accept latencies (201s only), sorted, in nanoseconds. */
        public long[] acceptLatencies() {
            return answers.stream().filter(a -> a.httpStatus() == 201).mapToLong(Answer::latencyNanos).sorted()
                    .toArray();
        }
    }

    /** Distinct client addresses across every rush of a process, as a proxy would report them. */
    private static final AtomicLong CLIENTS = new AtomicLong(1);

    private Load() {
    }

    public static Result run(Stack stack, Workload workload, int connections) throws InterruptedException {
        List<Workload.Registration> registrations = workload.registrations();
        Answer[] answers = new Answer[registrations.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstError = new AtomicInteger();
        // Platform threads: the module compiles for Java 17; 64 blocked threads cost nothing worth measuring.
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < answers.length; i = next.getAndIncrement()) {
                    Workload.Registration r = registrations.get(i);
                    answers[i] = send(stack, r, firstError);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the rush did not end within an hour");
        }
        return new Result(workload, new ArrayList<>(List.of(answers)), start, System.nanoTime());
    }

    private static Answer send(Stack stack, Workload.Registration r, AtomicInteger firstError) {
        String client = clientAddress(CLIENTS.getAndIncrement());
        long begin = System.nanoTime();
        try {
            Stack.Answer answer = stack.register(r.conferenceId(), r.body(), client);
            long end = System.nanoTime();
            if (answer.status() == 201) {
                JsonNode created = Json.read(answer.body());
                String id = created.path("id").asString();
                int confirmStatus = 0;
                if (r.listed()) {
                    confirmStatus = confirm(stack, id, created.path("selfServiceUrl").asString(), firstError);
                }
                return new Answer(201, end - begin, end, id, created.path("status").asString(), null, confirmStatus,
                        r.listed() ? System.nanoTime() : 0);
            }
            if (firstError.getAndIncrement() < 3) {
                System.err.println("rush: HTTP " + answer.status() + " for " + r.email() + ": "
                        + Stack.abbreviate(answer.body()));
            }
            return new Answer(answer.status(), end - begin, end, null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, System.nanoTime() - begin, System.nanoTime(), null, null, "interrupted");
        } catch (Exception e) {
            long end = System.nanoTime();
            if (firstError.getAndIncrement() < 3) {
                System.err.println("rush: " + e + " for " + r.email());
            }
            return new Answer(0, end - begin, end, null, null, e.getClass().getSimpleName());
        }
    }

    /** The participant's "Confirm my address", from a client address of its own; 0 for an IO error. */
    private static int confirm(Stack stack, String id, String selfServiceUrl, AtomicInteger firstError)
            throws InterruptedException {
        try {
            Stack.Answer answer = stack.confirmAddress(id, selfServiceUrl, clientAddress(CLIENTS.getAndIncrement()));
            if (answer.status() != 200 && firstError.getAndIncrement() < 3) {
                System.err.println("rush: HTTP " + answer.status() + " confirming the address of " + id + ": "
                        + Stack.abbreviate(answer.body()));
            }
            return answer.status();
        } catch (java.io.IOException e) {
            if (firstError.getAndIncrement() < 3) {
                System.err.println("rush: " + e + " confirming the address of " + id);
            }
            return 0;
        }
    }

    /**
     * An address of 198.18.0.0/15 (set aside for benchmarks, RFC 2544) from a counter: 131,072 distinct clients
     * before it wraps, minutes apart at any rush rate, so no client meets registration-service's per-address rate
     * limit. Not a private range: the service takes it as the client behind its trusted proxy (loopback) as it
     * would a real one.
     */
    static String clientAddress(long n) {
        return "198." + (18 + ((n >> 16) & 1)) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    /** Creates the workload's conferences; any refusal ends the bench, since every figure would be wrong. */
    public static void createConferences(Stack stack, Workload workload) throws Exception {
        for (String id : workload.conferenceIds()) {
            Stack.Answer answer = stack.createConference(workload.conferenceBody(id));
            if (answer.status() != 201 && answer.status() != 200) {
                throw new IllegalStateException("creating conference " + id + ": HTTP " + answer.status() + " "
                        + Stack.abbreviate(answer.body()));
            }
        }
    }
}
