package org.eforum.platform.security.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts wrong passwords per username and client address in a Bucket4j bucket (one token a failure, refilled
 * over the configured period) and says when that pair must wait. Spring Security publishes the failures and
 * successes; a success forgets the pair's failures. The pairs live in a bounded Caffeine cache, so a flood of
 * invented usernames cannot fill the heap.
 */
public class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final Cache<String, Bucket> failures;

    public LoginThrottle(LoginThrottleSettings settings) {
        this.settings = settings;
        this.failures = Caffeine.newBuilder().maximumSize(settings.tracked()).expireAfterAccess(settings.period())
                .build();
    }

    /** How long this username from this address must wait before its next attempt, if it must. */
    Optional<Duration> waitBefore(String username, String clientAddress) {
        Bucket bucket = failures.getIfPresent(key(username, clientAddress));
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        key(event.getAuthentication()).ifPresent(key -> failures.get(key, k -> newBucket()).tryConsume(1));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        key(event.getAuthentication()).ifPresent(failures::invalidate);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(settings.maxFailures())
                .refillGreedy(settings.maxFailures(), settings.period()).build()).build();
    }

    private static Optional<String> key(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && authentication.getName() != null) {
            return Optional.of(key(authentication.getName(), details.getRemoteAddress()));
        }
        return Optional.empty();
    }

    private static String key(String username, String clientAddress) {
        // The accounts' usernames are case-insensitive (InMemoryUserDetailsManager), so are the counts.
        return username.toLowerCase(Locale.ROOT) + '\n' + clientAddress;
    }
}
