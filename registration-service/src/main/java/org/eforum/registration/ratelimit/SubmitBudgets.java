package org.eforum.registration.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * One Bucket4j token bucket per client address and scope (a conference, or one registration), in memory. The
 * buckets live in a Caffeine cache bounded in size, and a bucket left alone for a whole period is dropped: by then
 * it would have refilled anyway, so forgetting it changes no answer. Under a flood of more distinct addresses than
 * {@link RateLimitSettings#trackedClients()} the least recently used budgets are forgotten early (those addresses
 * start afresh): memory stays bounded, at the price of precision exactly when a per-address limit helps least.
 *
 * <p>Per instance: behind a load balancer with n instances a client gets up to n budgets.
 */
@Component
public class SubmitBudgets {

    private final RateLimitSettings settings;
    private final Cache<Key, Bucket> buckets;

    public SubmitBudgets(RateLimitSettings settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.trackedClients())
                .expireAfterAccess(settings.period())
                .build();
    }

    /** Whose budget: one client address towards one conference or registration. */
    record Key(String clientAddress, String scope) {
    }

    /**
     * Takes one write from the budget of {@code clientAddress} for {@code scope}.
     *
     * @return empty when the write may go ahead; otherwise how long until the budget refills
     */
    public Optional<Duration> take(String clientAddress, String scope) {
        Bucket bucket = buckets.get(new Key(clientAddress, scope), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The budgets held now (for tests and operators' curiosity); bounded by the tracked-clients setting. */
    long trackedBudgets() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    // "10 a minute" literally: the whole budget comes back at the end of each period, not one token at a time.
    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.submits())
                        .refillIntervally(settings.submits(), settings.period()))
                .build();
    }
}
