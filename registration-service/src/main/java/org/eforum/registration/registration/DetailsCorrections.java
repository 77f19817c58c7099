package org.eforum.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.registration.RegistrationSettings;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.secret.SecretTokens;
import org.eforum.registration.validation.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The participant's own corrections, with their self-service token, while the registration is active and until
 * the conference's registration closes. The details are checked as the registration form's are (the same request,
 * the same answers' checks) and written with their {@code RegistrationDetailsChanged} in one guarded write; nothing
 * changed, nothing written. The address is the registration's key in its conference (unique there), and only its
 * owner may move the registration: a new address gets a one-off link ({@code RegistrationEmailChangeRequested},
 * valid {@link EmailChangeSettings#validity()}), and only when that link confirms does the address change
 * ({@code RegistrationDetailsChanged} with {@code email}, sealed under the new address's person).
 */
@Service
public class DetailsCorrections {

    /** A registration changes at most a few times at once (promoted, cancelled, corrected): a few re-reads do. */
    private static final int ATTEMPTS = 5;
    static final String NOTES_NOT_CORRECTABLE = "cannot be changed here: leave it out (only the details are corrected)";

    private final ConferenceService conferences;
    private final Registrations registrations;
    private final SelfServiceLinkSigner links;
    private final EmailChangeSettings settings;
    private final String publicBaseUrl;
    private final Clock clock;

    DetailsCorrections(ConferenceService conferences, Registrations registrations, SelfServiceLinkSigner links,
            EmailChangeSettings settings, RegistrationSettings registrationSettings, Clock clock) {
        this.conferences = conferences;
        this.registrations = registrations;
        this.links = links;
        this.settings = settings;
        this.publicBaseUrl = registrationSettings.publicBaseUrl();
        this.clock = clock;
    }

    /**
     * What a correction did: the registration as it now is, and the new address a confirmation link went to (null
     * when the address stays).
     */
    public record Correction(Registration registration, @Nullable String pendingEmail) {
    }

    /**
     * Whether the registration can be corrected now (its page offers the form while it can).
     */
    public boolean isCorrectable(Registration registration) {
        return registration.status().isActive()
                && !conferences.get(registration.conferenceId()).window().closed(clock.instant());
    }

    /**
     * Applies the participant's corrected details.
     *
     * @throws RegistrationNotFoundException for an unknown id or a wrong token alike
     * @throws CorrectionRefusedException after registration closed, for a registration no longer active, or for an
     *         address another registration of the conference has
     * @throws InvalidAnswersException for answers that do not fit the conference's questions (nothing changed)
     */
    public Correction correct(String id, String token, RegistrationRequest request) {
        if (!links.isValid(id, token)) {
            throw new RegistrationNotFoundException();
        }
        if (request.notes() != null) {
            throw new InvalidFieldsException(Map.of("notes", NOTES_NOT_CORRECTABLE));
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Registration current = registrations.find(id).filter(r -> !r.isErased())
                    .orElseThrow(RegistrationNotFoundException::new);
            Conference conference = conferences.get(current.conferenceId());
            Instant now = clock.instant();
            refuseUnlessCorrectable(current, conference, now);
            Map<String, Object> answers = DetailsChanges.keepingRetired(conference,
                    current.participant().answersOrNone(),
                    Answers.checked(conference, request.stakeholderType(), request.answers()));
            // The address stays until the new one confirms; a change of case only is no change (the key is the same).
            Participant corrected = withEmail(request.participant(answers), current.participant().email());
            List<String> changed = DetailsChanges.between(conference, current.participant(), corrected);
            String newEmail = Registration.emailKey(request.email()).equals(current.emailKey()) ? null
                    : request.email().strip();
            if (changed.isEmpty() && newEmail == null) {
                return new Correction(current, null);
            }
            if (newEmail != null && takenByAnother(current, newEmail)) {
                throw CorrectionRefusedException.emailTaken();
            }
            String selfServiceUrl = links.linkFor(id);
            Registration.Transition details = changed.isEmpty() ? null
                    : current.correct(corrected, changed, conference.snapshot(), selfServiceUrl, now);
            RegistrationEmailChangeRequested emailRequested = null;
            PendingEmailChange change = null;
            if (newEmail != null) {
                String changeToken = SecretTokens.generate();
                change = new PendingEmailChange(SecretTokens.hash(changeToken), newEmail, now,
                        now.plus(settings.validity()));
                emailRequested = current.requestEmailChange(details == null ? current.participant() : corrected,
                        details == null ? current.sequence() : current.sequence() + 1, conference.snapshot(),
                        selfServiceUrl, newEmail, confirmationUrl(id, changeToken), now);
            }
            Optional<Registration> written = registrations.correct(current, details, emailRequested, change, now);
            if (written.isPresent()) {
                return new Correction(written.get(), newEmail);
            }
            // changed meanwhile (promoted, cancelled, corrected in another tab): read again and decide again
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * The new address confirms the change with the token its mail carried: the registration moves to it.
     *
     * @throws RegistrationNotFoundException for an unknown id, a wrong, expired or used token alike
     * @throws CorrectionRefusedException when the registration is no longer active, or another registration of the
     *         conference has the address by now
     */
    public Registration confirmEmail(String id, String changeToken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            PendingEmailChange change = pendingChange(id, changeToken, now);
            Registration current = registrations.find(id).filter(r -> !r.isErased())
                    .orElseThrow(RegistrationNotFoundException::new);
            if (!current.status().isActive()) {
                throw CorrectionRefusedException.notActive(id, current.status());
            }
            if (takenByAnother(current, change.newEmail())) {
                throw CorrectionRefusedException.emailTaken();
            }
            // Confirming is allowed after registration closed: the change was asked for in time, the link expires.
            Conference conference = conferences.get(current.conferenceId());
            Optional<Registration> moved;
            try {
                moved = registrations.changeEmail(current.changeEmail(change.newEmail(), conference.snapshot(),
                        links.linkFor(id), now), change);
            } catch (DuplicateKeyException takenJustNow) {
                throw CorrectionRefusedException.emailTaken();
            }
            if (moved.isPresent()) {
                return moved.get();
            }
            // changed meanwhile, or confirmed by another click: decide again (a used token is then a 404)
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * The registration the change token opens, for the confirmation page; absent for an unknown id or a wrong,
     * expired or used token alike.
     */
    public Optional<Registration> forEmailChange(String id, String changeToken) {
        try {
            pendingChange(id, changeToken, clock.instant());
        } catch (RegistrationNotFoundException none) {
            return Optional.empty();
        }
        return registrations.find(id).filter(r -> !r.isErased());
    }

    /** The address a pending change would move the registration to, for a page with the self-service token. */
    public Optional<String> pendingEmail(Registration registration) {
        Instant now = clock.instant();
        return registrations.pendingEmailChange(registration.id()).filter(change -> now.isBefore(change.expiresAt()))
                .map(PendingEmailChange::newEmail);
    }

    private PendingEmailChange pendingChange(String id, @Nullable String changeToken, Instant now) {
        if (changeToken == null || changeToken.isBlank()) {
            throw new RegistrationNotFoundException();
        }
        return registrations.pendingEmailChange(id).filter(change -> change.isValid(changeToken, now))
                .orElseThrow(RegistrationNotFoundException::new);
    }

    private void refuseUnlessCorrectable(Registration registration, Conference conference, Instant now) {
        if (!registration.status().isActive()) {
            throw CorrectionRefusedException.notActive(registration.id(), registration.status());
        }
        if (conference.window().closed(now)) {
            throw CorrectionRefusedException.closed(conference);
        }
    }

    private boolean takenByAnother(Registration registration, String email) {
        return registrations.findByEmail(registration.conferenceId(), email)
                .filter(other -> !other.id().equals(registration.id())).isPresent();
    }

    private String confirmationUrl(String id, String changeToken) {
        return publicBaseUrl + "/registrations/" + id + "/email?token=" + changeToken;
    }

    private static Participant withEmail(Participant p, String email) {
        return new Participant(p.firstName(), p.lastName(), email, p.organisation(), p.stakeholderType(),
                p.country(), p.position(), p.language(), p.consents(), null, p.answers());
    }
}
