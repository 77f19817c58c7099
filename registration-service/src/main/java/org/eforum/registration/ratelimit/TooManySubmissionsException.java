package org.eforum.registration.ratelimit;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429: the client address used up its budget of public writes for this conference; {@code Retry-After} says when to come back. */
public class TooManySubmissionsException extends ErrorResponseException {

    private final long retryAfterSeconds;

    TooManySubmissionsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(seconds(retryAfter)), null);
        this.retryAfterSeconds = seconds(retryAfter);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    /** Whole seconds, rounded up, at least one: a client that waits that long is let in. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static ProblemDetail problem(long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many submissions from your address for this conference. Try again in " + retryAfterSeconds
                        + " seconds.");
        problem.setTitle("Too many submissions");
        problem.setType(URI.create("https://eforum.example.org/problems/too-many-submissions"));
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problem;
    }
}
