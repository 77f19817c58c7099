package org.eforum.registration.conference;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A team named usernames that are no organiser's account: a 400 with one entry per such name, as for any field. */
class UnknownOrganisersException extends ErrorResponseException {

    UnknownOrganisersException(List<Integer> positions) {
        super(HttpStatus.BAD_REQUEST, problem(positions), null);
    }

    private static ProblemDetail problem(List<Integer> positions) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", positions.stream().map(i -> Map.of("field", "organisers[" + i + "]",
                "message", "is not an organiser's account")).toList());
        return problem;
    }
}
