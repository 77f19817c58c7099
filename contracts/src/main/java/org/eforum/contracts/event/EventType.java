package org.eforum.contracts.event;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvent {@code type} of each event record; the version is part of the type, changes within it are additive. */
public enum EventType {
    REGISTRATION_CONFIRMED("org.eforum.registration.confirmed.v1", RegistrationConfirmed.class),
    REGISTRATION_WAITLISTED("org.eforum.registration.waitlisted.v1", RegistrationWaitlisted.class),
    REGISTRATION_PROMOTED("org.eforum.registration.promoted.v1", RegistrationPromoted.class),
    REGISTRATION_CANCELLED("org.eforum.registration.cancelled.v1", RegistrationCancelled.class),
    REGISTRATION_LINK_RESENT("org.eforum.registration.link-resent.v1", RegistrationLinkResent.class),
    REGISTRATION_ADDRESS_CONFIRMED("org.eforum.registration.address-confirmed.v1", RegistrationAddressConfirmed.class),
    REGISTRATION_MAIL_RESENT("org.eforum.registration.mail-resent.v1", RegistrationMailResent.class),
    PARTICIPANT_MESSAGED("org.eforum.registration.participant-messaged.v1", ParticipantMessaged.class),
    REGISTRATION_SUBMITTED("org.eforum.registration.submitted.v1", RegistrationSubmitted.class),
    REGISTRATION_APPROVED("org.eforum.registration.approved.v1", RegistrationApproved.class),
    REGISTRATION_DECLINED("org.eforum.registration.declined.v1", RegistrationDeclined.class),
    REGISTRATION_DETAILS_CHANGED("org.eforum.registration.details-changed.v1", RegistrationDetailsChanged.class),
    REGISTRATION_EMAIL_CHANGE_REQUESTED("org.eforum.registration.email-change-requested.v1",
            RegistrationEmailChangeRequested.class),
    CONFERENCE_CHANGED("org.eforum.conference.changed.v1", ConferenceChanged.class),
    ERASURE_REQUESTED("org.eforum.erasure.requested.v1", ErasureRequested.class),
    PERSON_KEY_ISSUED("org.eforum.person-key.issued.v1", PersonKeyIssued.class),
    ORGANISER_INVITED("org.eforum.account.invited.v1", OrganiserInvited.class);

    private final String ceType;
    private final Class<? extends EforumEvent> recordClass;

    EventType(String ceType, Class<? extends EforumEvent> recordClass) {
        this.ceType = ceType;
        this.recordClass = recordClass;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends EforumEvent> recordClass() {
        return recordClass;
    }

    public static EventType of(EforumEvent event) {
        // Java 17 has no pattern switch; the enum is small and every record class appears in it once.
        return Arrays.stream(values()).filter(t -> t.recordClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + event.getClass()));
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
