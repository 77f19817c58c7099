package org.eforum.registration.registration;

import java.util.List;

/** A registration as its organisers see it through the API: what the participant sees, and its history. */
public record OrganiserRegistrationView(RegistrationView registration, List<HistoryEntry> history) {

    static OrganiserRegistrationView of(Registration registration) {
        return new OrganiserRegistrationView(RegistrationView.of(registration), registration.historyAsKnown());
    }
}
