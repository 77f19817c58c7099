package org.eforum.contracts.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.SealedPersonal;
import org.eforum.contracts.kafka.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals and opens the personal fields of a registration event: {@code participant.firstName}, {@code .lastName},
 * {@code .email}, {@code .position}, {@code .answers} and the event's {@link #EVENT_FIELDS} ({@code selfServiceUrl}, it
 * carries the token; an address change's new address and link; a moderator's message to the person) move into
 * {@code participant.personal}, encrypted with the person's key; everything else (organisation, type, country,
 * language, consents, the conference) stays readable. The associated data is the event id, person id and key id,
 * so a sealed part opens only in the event it was made for. Works on the JSON form, so it serves every type of
 * the family, present and future, alike. An organiser's invitation ({@link OrganiserInvited}) is sealed the same way.
 */
public final class PersonalData {

    /** The participant's fields that are sealed; the event's {@link #EVENT_FIELDS} are sealed with them. */
    public static final List<String> PARTICIPANT_FIELDS = List.of("firstName", "lastName", "email", "position",
            "answers");

    public static final String SELF_SERVICE_URL = "selfServiceUrl";

    /** The event's own fields that are sealed when it has them: they carry a token, an address or words to the person. */
    public static final List<String> EVENT_FIELDS = List.of(SELF_SERVICE_URL, "newEmail", "confirmationUrl",
            "message");
    public static final String PERSONAL = "personal";

    private static final JsonMapper MAPPER = EventJson.mapper();

    private PersonalData() {
    }

    /** The event as it goes on Kafka: the same event with its personal fields sealed under {@code key}. */
    public static <E extends RegistrationEvent> E seal(E event, PersonKey key) {
        if (event.participant().isSealed()) {
            throw new IllegalArgumentException("event " + event.eventId() + " is sealed already");
        }
        ObjectNode tree = MAPPER.valueToTree(event);
        ObjectNode participant = (ObjectNode) tree.get("participant");
        ObjectNode secret = MAPPER.createObjectNode();
        for (String field : PARTICIPANT_FIELDS) {
            move(participant, secret, field);
        }
        for (String field : EVENT_FIELDS) {
            move(tree, secret, field);
        }
        SealedPersonal sealed = PersonalCipher.seal(key, MAPPER.writeValueAsBytes(secret),
                associatedData(event, key.personId(), key.keyId()));
        participant.set(PERSONAL, MAPPER.valueToTree(sealed));
        return typed(event, tree);
    }

    /**
     * The event with its personal fields in cleartext again.
     *
     * @throws PersonalCipher.TamperedException when the sealed part does not open with {@code key}
     */
    public static <E extends RegistrationEvent> E open(E event, PersonKey key) {
        SealedPersonal sealed = event.participant().personal();
        if (sealed == null) {
            return event;
        }
        byte[] plaintext = PersonalCipher.open(key, sealed, associatedData(event, sealed.personId(), sealed.keyId()));
        JsonNode secret = MAPPER.readTree(plaintext);
        ObjectNode tree = MAPPER.valueToTree(event);
        ObjectNode participant = (ObjectNode) tree.get("participant");
        participant.remove(PERSONAL);
        for (String field : PARTICIPANT_FIELDS) {
            copy(secret, participant, field);
        }
        for (String field : EVENT_FIELDS) {
            copy(secret, tree, field);
        }
        return typed(event, tree);
    }

    /** The invitation's fields that are sealed: the invitee's address and name, and the link with its token. */
    public static final List<String> INVITATION_FIELDS = List.of("displayName", "email", "invitationUrl");

    /**
     * The invitation as it goes on Kafka: its {@link #INVITATION_FIELDS} sealed under the invitee's key, with the
     * same cipher and associated data as a registration event's personal part.
     */
    public static OrganiserInvited seal(OrganiserInvited event, PersonKey key) {
        if (event.isSealed()) {
            throw new IllegalArgumentException("event " + event.eventId() + " is sealed already");
        }
        ObjectNode tree = MAPPER.valueToTree(event);
        ObjectNode secret = MAPPER.createObjectNode();
        for (String field : INVITATION_FIELDS) {
            move(tree, secret, field);
        }
        SealedPersonal sealed = PersonalCipher.seal(key, MAPPER.writeValueAsBytes(secret),
                associatedData(event.eventId().toString(), key.personId(), key.keyId()));
        tree.set(PERSONAL, MAPPER.valueToTree(sealed));
        return MAPPER.treeToValue(tree, OrganiserInvited.class);
    }

    /**
     * The invitation with its fields in cleartext again.
     *
     * @throws PersonalCipher.TamperedException when the sealed part does not open with {@code key}
     */
    public static OrganiserInvited open(OrganiserInvited event, PersonKey key) {
        SealedPersonal sealed = event.personal();
        if (sealed == null) {
            return event;
        }
        byte[] plaintext = PersonalCipher.open(key, sealed,
                associatedData(event.eventId().toString(), sealed.personId(), sealed.keyId()));
        JsonNode secret = MAPPER.readTree(plaintext);
        ObjectNode tree = MAPPER.valueToTree(event);
        tree.remove(PERSONAL);
        for (String field : INVITATION_FIELDS) {
            copy(secret, tree, field);
        }
        return MAPPER.treeToValue(tree, OrganiserInvited.class);
    }

    private static void move(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.remove(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends RegistrationEvent> E typed(E event, ObjectNode tree) {
        return (E) MAPPER.treeToValue(tree, event.getClass());
    }

    private static byte[] associatedData(RegistrationEvent event, String personId, String keyId) {
        return associatedData(event.eventId().toString(), personId, keyId);
    }

    private static byte[] associatedData(String eventId, String personId, String keyId) {
        return ("eforum.personal.v1|" + eventId + "|" + personId + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
