package org.eforum.registration.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a participant's correction: the registration as it now is (the fields of {@link RegistrationView})
 * and, when the address is to change, {@code pendingEmail}: where the confirmation link went (the registration keeps
 * its address until that link is used).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorrectedRegistrationView(@JsonUnwrapped RegistrationView registration, @Nullable String pendingEmail) {

    static CorrectedRegistrationView of(DetailsCorrections.Correction correction) {
        return new CorrectedRegistrationView(RegistrationView.of(correction.registration()),
                correction.pendingEmail());
    }
}
