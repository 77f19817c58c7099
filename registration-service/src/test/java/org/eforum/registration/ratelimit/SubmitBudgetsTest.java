package org.eforum.registration.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The budgets themselves: their size, their separation, and the memory a flood of addresses may take. */
class SubmitBudgetsTest {

    @Test
    void aBudgetAllowsItsSubmitsThenSaysHowLongUntilItRefills() {
        SubmitBudgets budgets = new SubmitBudgets(new RateLimitSettings(3, Duration.ofMinutes(1), 100));

        IntStream.range(0, 3).forEach(i -> assertThat(budgets.take("203.0.113.1", "conference:a")).isEmpty());

        assertThat(budgets.take("203.0.113.1", "conference:a")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void eachAddressHasItsOwnBudgetForEachConference() {
        SubmitBudgets budgets = new SubmitBudgets(new RateLimitSettings(1, Duration.ofMinutes(1), 100));
        assertThat(budgets.take("203.0.113.1", "conference:a")).isEmpty();
        assertThat(budgets.take("203.0.113.1", "conference:a")).isPresent();

        assertThat(budgets.take("203.0.113.2", "conference:a")).isEmpty();
        assertThat(budgets.take("203.0.113.1", "conference:b")).isEmpty();
    }

    @Test
    void aFloodOfDistinctAddressesKeepsNoMoreBudgetsThanConfigured() {
        SubmitBudgets budgets = new SubmitBudgets(new RateLimitSettings(10, Duration.ofMinutes(1), 1_000));

        IntStream.range(0, 50_000).forEach(n -> budgets.take("10." + (n >> 16) + "." + ((n >> 8) & 255) + "." + (n & 255),
                "conference:flooded"));

        assertThat(budgets.trackedBudgets()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void theTooManyAnswerRoundsTheWaitUpToWholeSeconds() {
        assertThat(new TooManySubmissionsException(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TooManySubmissionsException(Duration.ofMillis(42_001)).retryAfterSeconds()).isEqualTo(43);
        assertThat(new TooManySubmissionsException(Duration.ofSeconds(60)).getHeaders().getFirst("Retry-After"))
                .isEqualTo("60");
    }
}
