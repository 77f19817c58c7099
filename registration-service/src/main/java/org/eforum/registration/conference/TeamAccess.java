package org.eforum.registration.conference;

import org.eforum.platform.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may act on a conference as its organiser: the organisers its team names, and operators. Every organiser
 * endpoint of a conference goes through {@link #managed}, after the role check of the security rules.
 */
@Component
public class TeamAccess {

    private static final String OPERATOR = "ROLE_" + Roles.OPERATOR;

    private final ConferenceService conferences;

    TeamAccess(ConferenceService conferences) {
        this.conferences = conferences;
    }

    /**
     * The conference, when the caller may act on it as its organiser.
     *
     * @throws ConferenceNotFoundException when there is no such conference
     * @throws NotInTeamException (403) when the caller is an organiser outside its team
     */
    public Conference managed(String conferenceId, Authentication caller) {
        Conference conference = conferences.get(conferenceId);
        if (!manages(conference, caller)) {
            throw new NotInTeamException(conferenceId);
        }
        return conference;
    }

    public boolean manages(Conference conference, Authentication caller) {
        return isOperator(caller) || conference.hasOrganiser(caller.getName());
    }

    public static boolean isOperator(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(authority -> OPERATOR.equals(authority.getAuthority()));
    }
}
