package org.eforum.notification.registration;

import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.contracts.event.RegistrationPromoted;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.notification.mail.MailKind;

/** Which mails each registration event causes (Java 17: no pattern switch, so an instanceof chain). */
final class MailKinds {

    private MailKinds() {
    }

    /** A confirmed address changes nothing anyone needs a mail for: the participant's page said so at once. */
    static boolean mailsAnyone(RegistrationEvent event) {
        return !(event instanceof RegistrationAddressConfirmed);
    }

    static MailKind forParticipant(RegistrationEvent event) {
        if (event instanceof RegistrationConfirmed) {
            return MailKind.PARTICIPANT_CONFIRMED;
        }
        if (event instanceof RegistrationWaitlisted) {
            return MailKind.PARTICIPANT_WAITLISTED;
        }
        if (event instanceof RegistrationPromoted) {
            return MailKind.PARTICIPANT_PROMOTED;
        }
        if (event instanceof RegistrationCancelled) {
            return MailKind.PARTICIPANT_CANCELLED;
        }
        if (event instanceof RegistrationLinkResent) {
            return MailKind.PARTICIPANT_LINK_RESENT;
        }
        if (event instanceof RegistrationMailResent) {
            return ofStatus(event.status());
        }
        if (event instanceof ParticipantMessaged) {
            return MailKind.PARTICIPANT_MESSAGE;
        }
        if (event instanceof RegistrationSubmitted) {
            return MailKind.PARTICIPANT_SUBMITTED;
        }
        if (event instanceof RegistrationApproved approved) {
            return approved.status() == RegistrationStatus.WAITLISTED ? MailKind.PARTICIPANT_APPROVED_WAITLISTED
                    : MailKind.PARTICIPANT_APPROVED;
        }
        if (event instanceof RegistrationDeclined) {
            return MailKind.PARTICIPANT_DECLINED;
        }
        if (event instanceof RegistrationDetailsChanged) {
            return MailKind.PARTICIPANT_DETAILS_CHANGED;
        }
        if (event instanceof RegistrationEmailChangeRequested) {
            return MailKind.PARTICIPANT_CONFIRM_NEW_EMAIL;
        }
        throw new IllegalArgumentException("no participant mail for " + event.getClass().getSimpleName());
    }

    /**
     * An organiser's resend is the participant's mail of the current status once more (a delivery of its own, keyed
     * by the resend's event id): a promoted participant's status is CONFIRMED, so they get the confirmed mail.
     */
    private static MailKind ofStatus(RegistrationStatus status) {
        switch (status) {
            case CONFIRMED:
                return MailKind.PARTICIPANT_CONFIRMED;
            case WAITLISTED:
                return MailKind.PARTICIPANT_WAITLISTED;
            case PENDING:
                return MailKind.PARTICIPANT_SUBMITTED; // still waiting for the organisers
            case DECLINED:
                return MailKind.PARTICIPANT_DECLINED; // without the message: it went with the first mail
            default:
                return MailKind.PARTICIPANT_CANCELLED;
        }
    }

    /**
     * A repeated address changes nothing the organisers need to hear of: only its owner gets a mail; nor does a mail
     * an organiser had resent (they asked for it), nor the organisers' own message, nor an organiser's approval or
     * decline (an organiser did it); nor a requested address change (only the new address hears of it, and the
     * organisers learn of the change once it is confirmed, as a details change).
     */
    static boolean concernsOrganisers(RegistrationEvent event) {
        return !(event instanceof RegistrationLinkResent || event instanceof RegistrationMailResent
                || event instanceof ParticipantMessaged || event instanceof RegistrationApproved
                || event instanceof RegistrationDeclined || event instanceof RegistrationEmailChangeRequested);
    }

    static MailKind forOrganiser(RegistrationEvent event) {
        if (event instanceof RegistrationConfirmed || event instanceof RegistrationWaitlisted) {
            return MailKind.ORGANISER_REGISTERED;
        }
        if (event instanceof RegistrationPromoted) {
            return MailKind.ORGANISER_PROMOTED;
        }
        if (event instanceof RegistrationCancelled) {
            return MailKind.ORGANISER_CANCELLED;
        }
        if (event instanceof RegistrationSubmitted) {
            return MailKind.ORGANISER_AWAITING_APPROVAL;
        }
        if (event instanceof RegistrationDetailsChanged) {
            return MailKind.ORGANISER_DETAILS_CHANGED;
        }
        throw new IllegalArgumentException("no organiser mail for " + event.getClass().getSimpleName());
    }
}
