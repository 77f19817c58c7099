package org.eforum.registration.organiser;

import java.util.List;
import java.util.Locale;

import org.eforum.registration.conference.Question;
import org.eforum.registration.registration.RegistrationView;

/**
 * One registration as a row of the organiser's table: the values written out in the page's language, and its page.
 * {@code answers} has one cell per question the table shows, in their order, an unanswered one with an empty text.
 */
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
        String id,
        List<AnswerLine> answers) {

    /** Awaiting the organisers' approval: the row offers a checkbox to approve or decline it with others. */
    public boolean pending() {
        return "PENDING".equals(status);
    }

    static RegistrationRow of(RegistrationView registration, Locale locale, Moments moments) {
        return of(registration, locale, moments, List.of());
    }

    static RegistrationRow of(RegistrationView registration, Locale locale, Moments moments, List<Question> shown) {
        String country = new Locale.Builder().setRegion(registration.country()).build().getDisplayCountry(locale);
        return new RegistrationRow(registration.firstName() + " " + registration.lastName(), registration.email(),
                registration.organisation(), registration.stakeholderType().name(), country,
                registration.status().name(), registration.consents().listInDirectory(),
                registration.consents().joinExpertsNetwork(), moments.moment(registration.registeredAt(), locale),
                registration.registeredAt().atZone(Moments.LOCAL_TIME).toOffsetDateTime().toString(),
                "/organiser/conferences/" + registration.conferenceId() + "/registrations/" + registration.id(),
                registration.id(), shown.stream().map(question -> answerTo(question, registration, locale)).toList());
    }

    private static AnswerLine answerTo(Question question, RegistrationView registration, Locale locale) {
        Object answer = registration.answers().get(question.id());
        return answer == null ? new AnswerLine(question.id(), question.labelIn(locale.getLanguage()), "", null, false)
                : AnswerLine.of(question, answer, locale);
    }
}
