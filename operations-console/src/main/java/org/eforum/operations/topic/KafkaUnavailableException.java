package org.eforum.operations.topic;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not answer in time: the console says so (503) instead of hanging. */
public class KafkaUnavailableException extends ErrorResponseException {

    public KafkaUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(cause), cause);
    }

    private static ProblemDetail problem(Throwable cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not answer: " + cause.getMessage());
        problem.setTitle("Kafka unavailable");
        return problem;
    }
}
