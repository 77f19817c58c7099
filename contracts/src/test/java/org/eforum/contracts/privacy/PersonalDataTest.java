package org.eforum.contracts.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.SealedPersonal;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.contracts.kafka.EventJson;
import org.junit.jupiter.api.Test;

/** A sealed event shows nothing personal, opens to the event it was, and refuses every change and every other key. */
class PersonalDataTest {

    private static final EmailHash HASH = new EmailHash("personal-data-test-address-key-0123456789");
    private static final ConferenceSnapshot CONFERENCE = new ConferenceSnapshot("sealed-conference",
            Map.of("en", "Sealed"), Map.of("en", "Hall"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2), "Sofia",
            "BG", 10, null, null, List.of("en"), new Contact("Contact Person", "contact@example.org"), List.of(),
            OrganiserNotifications.NONE);
    private static final Participant ANA = new Participant("Ана", "Петрова", "Ana.Petrova@example.org",
            "Sofia Municipality", StakeholderType.LOCAL_AUTHORITY, "BG", "Mayor's adviser", "bg",
            new Consents(true, true, false));
    private static final String LINK = "https://eforum.example.org/registrations/r-1?token=very-secret-token";

    private final PersonKey key = PersonKey.generate(HASH.hash(ANA.email()));
    private final RegistrationConfirmed event = new RegistrationConfirmed(UUID.randomUUID(),
            Instant.parse("2026-12-01T10:00:00Z"), "r-1", 1, ANA, CONFERENCE, LINK);

    @Test
    void theSealedEventCarriesNothingPersonalAndOpensToTheEventItWas() {
        RegistrationConfirmed sealed = PersonalData.seal(event, key);
        String json = new String(EventJson.write(sealed), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("Ана", "Петрова", "Ana.Petrova", "ana.petrova", "adviser",
                "very-secret-token", "selfServiceUrl\"", "firstName", "lastName", "position");
        assertThat(EventJson.mapper().readTree(json).get("participant").has("email")).isFalse();
        assertThat(json).contains("Sofia Municipality", "LOCAL_AUTHORITY", "\"personal\"", key.personId(),
                key.keyId(), "contact@example.org");
        assertThat(sealed.participant().isSealed()).isTrue();
        assertThat(sealed.selfServiceUrl()).isNull();

        RegistrationConfirmed read = (RegistrationConfirmed) EventJson.read(
                org.eforum.contracts.event.EventType.REGISTRATION_CONFIRMED, EventJson.write(sealed));
        assertThat(PersonalData.open(read, key)).isEqualTo(event);
    }

    @Test
    void anInvitationIsSealedWithTheInviteesKeyAndOpensOnlyInItsOwnEvent() {
        PersonKey invitee = PersonKey.generate(HASH.hash("petya@example.org"));
        OrganiserInvited invited = new OrganiserInvited(UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00Z"),
                "petya", UUID.randomUUID().toString(), "bg", Instant.parse("2026-12-08T10:00:00Z"), "operator",
                "Петя Георгиева", "petya@example.org",
                "https://eforum.example.org/organiser/invitations/i-1?token=invitation-secret&lang=bg");

        OrganiserInvited sealed = PersonalData.seal(invited, invitee);
        String json = new String(EventJson.write(sealed), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("petya@example.org", "Петя", "invitation-secret", "invitationUrl", "email")
                .contains("\"username\":\"petya\"", "\"language\":\"bg\"", invitee.personId(), invitee.keyId());
        OrganiserInvited read = (OrganiserInvited) EventJson.read(
                org.eforum.contracts.event.EventType.ORGANISER_INVITED, EventJson.write(sealed));
        assertThat(PersonalData.open(read, invitee)).isEqualTo(invited);

        OrganiserInvited moved = new OrganiserInvited(UUID.randomUUID(), read.occurredAt(), read.username(),
                read.invitationId(), read.language(), read.expiresAt(), read.invitedBy(), null, null, null,
                read.personal());
        assertThatThrownBy(() -> PersonalData.open(moved, invitee)).isInstanceOf(PersonalCipher.TamperedException.class);
    }

    @Test
    void anAddressChangeSealsTheNewAddressAndItsLinkAndADeclineItsMessage() {
        RegistrationEmailChangeRequested change = new RegistrationEmailChangeRequested(UUID.randomUUID(),
                event.occurredAt(), event.registrationId(), 1, event.participant(), CONFERENCE, event.selfServiceUrl(),
                RegistrationStatus.CONFIRMED, "ana.new@example.org",
                "https://eforum.example.org/registrations/r-1/address?token=change-secret");
        RegistrationDeclined declined = new RegistrationDeclined(UUID.randomUUID(), event.occurredAt(),
                event.registrationId(), 2, event.participant(), CONFERENCE, event.selfServiceUrl(),
                "Съжаляваме, Ана: местата са за номинирани делегати.");

        RegistrationEmailChangeRequested sealedChange = PersonalData.seal(change, key);
        RegistrationDeclined sealedDecline = PersonalData.seal(declined, key);

        assertThat(new String(EventJson.write(sealedChange), StandardCharsets.UTF_8))
                .doesNotContain("ana.new", "change-secret", "newEmail", "confirmationUrl");
        assertThat(new String(EventJson.write(sealedDecline), StandardCharsets.UTF_8))
                .doesNotContain("Съжаляваме", "message");
        assertThat(PersonalData.open(sealedChange, key)).isEqualTo(change);
        assertThat(PersonalData.open(sealedDecline, key)).isEqualTo(declined);
    }

    @Test
    void twoSealingsOfOneEventDifferInTheirIv() {
        SealedPersonal first = PersonalData.seal(event, key).participant().personal();
        SealedPersonal second = PersonalData.seal(event, key).participant().personal();

        assertThat(first.iv()).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(Base64.getDecoder().decode(first.iv())).hasSize(12);
    }

    @Test
    void aChangedCiphertextIvOrEventIsRefused() {
        RegistrationConfirmed sealed = PersonalData.seal(event, key);
        SealedPersonal personal = sealed.participant().personal();
        byte[] ciphertext = Base64.getDecoder().decode(personal.ciphertext());
        ciphertext[3] ^= 1;
        RegistrationConfirmed flipped = withPersonal(sealed, new SealedPersonal(personal.personId(), personal.keyId(),
                personal.iv(), Base64.getEncoder().encodeToString(ciphertext)));
        byte[] iv = Base64.getDecoder().decode(personal.iv());
        iv[0] ^= 1;
        RegistrationConfirmed otherIv = withPersonal(sealed, new SealedPersonal(personal.personId(), personal.keyId(),
                Base64.getEncoder().encodeToString(iv), personal.ciphertext()));
        // the same sealed part moved into another event (its id is the associated data)
        RegistrationConfirmed moved = new RegistrationConfirmed(UUID.randomUUID(), sealed.occurredAt(), "r-1", 1,
                sealed.participant(), CONFERENCE, null);

        for (RegistrationConfirmed tampered : List.of(flipped, otherIv, moved)) {
            assertThatThrownBy(() -> PersonalData.open(tampered, key))
                    .isInstanceOf(PersonalCipher.TamperedException.class);
        }
    }

    @Test
    void anotherKeyOfTheSamePersonDoesNotOpenIt() {
        RegistrationConfirmed sealed = PersonalData.seal(event, key);
        PersonKey afterAnErasure = PersonKey.generate(key.personId());
        PersonKey forged = new PersonKey(key.personId(), key.keyId(), afterAnErasure.material());

        assertThatThrownBy(() -> PersonalData.open(sealed, afterAnErasure))
                .isInstanceOf(PersonalCipher.TamperedException.class);
        assertThatThrownBy(() -> PersonalData.open(sealed, forged))
                .isInstanceOf(PersonalCipher.TamperedException.class).hasMessageContaining("tag");
    }

    @Test
    void aCancellationWithoutALinkRoundTripsToo() {
        RegistrationCancelled cancelled = new RegistrationCancelled(UUID.randomUUID(), Instant.now(), "r-2", 2,
                new Participant("Boris", "Ivanov", "boris@example.org", "NGO", StakeholderType.CIVIL_SOCIETY, "BG",
                        null, "en", new Consents(true, false, false)), CONFERENCE, null, RegistrationStatus.CONFIRMED);
        PersonKey boris = PersonKey.generate(HASH.hash("boris@example.org"));

        assertThat(PersonalData.open(PersonalData.seal(cancelled, boris), boris)).isEqualTo(cancelled);
    }

    @Test
    void aKeyIsTwoHundredFiftySixRandomBitsAndItsMaterialIsNeverPrinted() {
        PersonKey other = PersonKey.generate(key.personId());

        assertThat(Base64.getDecoder().decode(key.material())).hasSize(32);
        assertThat(key.material()).isNotEqualTo(other.material());
        assertThat(key.keyId()).isNotEqualTo(other.keyId());
        assertThat(key.toString()).doesNotContain(key.material());
        assertThat(key.issued(Instant.now()).toString()).doesNotContain(key.material());
        assertThat(PersonKey.of(key.issued(Instant.now()))).isEqualTo(key);
        assertThatThrownBy(() -> new PersonKey(key.personId(), key.keyId(), "c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RegistrationConfirmed withPersonal(RegistrationConfirmed sealed, SealedPersonal personal) {
        Participant p = sealed.participant();
        return new RegistrationConfirmed(sealed.eventId(), sealed.occurredAt(), sealed.registrationId(),
                sealed.sequence(), new Participant(p.firstName(), p.lastName(), p.email(), p.organisation(),
                        p.stakeholderType(), p.country(), p.position(), p.language(), p.consents(), personal),
                sealed.conference(), sealed.selfServiceUrl());
    }
}
