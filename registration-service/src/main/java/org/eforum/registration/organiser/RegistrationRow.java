package org.eforum.registration.organiser;

import java.util.Locale;

import org.eforum.registration.registration.RegistrationView;

/** One registration as a row of the organiser's table: the values written out in the page's language, and its page. */
record RegistrationRow(
        String name,
        String email,
        String organisation,
        String stakeholderType,
        String country,
        String status,
        boolean listed,
        boolean expert,
        String registeredAt,
        String registeredAtIso,
        String href,
        String id) {

    /** Awaiting the organisers' approval: the row offers a checkbox to approve or decline it with others. */
    public boolean pending() {
        return "PENDING".equals(status);
    }

    static RegistrationRow of(RegistrationView registration, Locale locale, Moments moments) {
        String country = new Locale.Builder().setRegion(registration.country()).build().getDisplayCountry(locale);
        return new RegistrationRow(registration.firstName() + " " + registration.lastName(), registration.email(),
                registration.organisation(), registration.stakeholderType().name(), country,
                registration.status().name(), registration.consents().listInDirectory(),
                registration.consents().joinExpertsNetwork(), moments.moment(registration.registeredAt(), locale),
                registration.registeredAt().atZone(Moments.LOCAL_TIME).toOffsetDateTime().toString(),
                "/organiser/conferences/" + registration.conferenceId() + "/registrations/" + registration.id(),
                registration.id());
    }
}
