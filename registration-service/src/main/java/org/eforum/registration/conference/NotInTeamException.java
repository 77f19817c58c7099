package org.eforum.registration.conference;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An organiser asked for a conference whose team does not name them. */
public class NotInTeamException extends ErrorResponseException {

    NotInTeamException(String conferenceId) {
        super(HttpStatus.FORBIDDEN, problem(conferenceId), null);
    }

    private static ProblemDetail problem(String conferenceId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Only the organisers in the team of the conference '" + conferenceId + "' may do this.");
        problem.setTitle("Not an organiser of this conference");
        return problem;
    }
}
