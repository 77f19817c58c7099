package org.eforum.bench.ceiling;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eforum.bench.api.Stack;

/**
 * The cheapest useful request of the same app over the same connections: {@code GET /api/conferences/{id}}
 * (one document read, no write, no event). The rush's accepted/s is judged against it.
 */
public final class GetCeiling {

    public record Result(long ok, long errors, double seconds) {
        public double perSecond() {
            return ok / seconds;
        }
    }

    private GetCeiling() {
    }

    public static Result run(Stack stack, List<String> conferenceIds, int connections, Duration duration)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < connections; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    String id = conferenceIds.get((int) (counter.getAndIncrement() % conferenceIds.size()));
                    try {
                        Stack.Answer a = stack.send(HttpRequest.newBuilder(
                                URI.create(stack.registrationUrl() + "/api/conferences/" + id))
                                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET());
                        (a.status() == 200 ? ok : errors).incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return new Result(ok.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }
}
