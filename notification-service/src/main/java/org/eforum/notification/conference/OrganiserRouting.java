package org.eforum.notification.conference;

import java.util.List;

import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.notification.mail.MailLanguage;

/**
 * Where a conference's organiser mail goes, and whether it goes at all.
 *
 * @param language       the conference's main language (first of its languages)
 * @param contactEmail   the address in To; may be null when the conference has no contact
 * @param cc             the addresses in Cc
 * @param fromProjection whether this came from the projection (else from an event's snapshot)
 */
public record OrganiserRouting(
        String conferenceId,
        OrganiserNotifications mode,
        MailLanguage language,
        String contactName,
        String contactEmail,
        List<String> cc,
        boolean fromProjection) {

    public OrganiserRouting {
        // A conference without a stated preference gets no organiser mail rather than unwanted mail.
        mode = mode == null ? OrganiserNotifications.NONE : mode;
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    static MailLanguage mainLanguage(List<String> languages) {
        return MailLanguage.of(languages == null || languages.isEmpty() ? null : languages.get(0));
    }
}
