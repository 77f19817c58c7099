package org.eforum.registration.organiser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A parameter of the registrations table's address that is not one of its values (a link edited by hand). */
class InvalidTableQueryException extends RuntimeException {

    private final String parameter;

    InvalidTableQueryException(String parameter, String rule) {
        super("The parameter " + parameter + " " + rule + ".");
        this.parameter = parameter;
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
