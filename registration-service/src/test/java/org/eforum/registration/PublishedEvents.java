package org.eforum.registration;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.HashMap;
import java.util.Map;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.PersonKeyIssued;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.SealedPersonal;
import org.eforum.contracts.kafka.EventJson;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.testsupport.EventLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registration events on the topic, as an outside consumer reads them, for the registrations a test made. */
public final class PublishedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedEvents() {
    }

    /** One record: where it is on the topic, its CloudEvent id and type, and the data's sequence. */
    public record Published(String key, int partition, long offset, String ceId, String ceType, long sequence,
            JsonNode data) {

        public String kind() {
            return ceType.replace("org.eforum.registration.", "").replace(".v1", "");
        }
    }

    /**
     * Every record of the given registrations, in topic order (per partition, by offset), its data opened with the
     * person's key from the person-keys topic, as a consumer of the service reads it.
     */
    public static List<Published> of(String bootstrapServers, Collection<String> registrationIds) {
        Set<String> keys = Set.copyOf(registrationIds);
        Map<String, PersonKey> personKeys = personKeys(bootstrapServers);
        return EventLog.readAll(bootstrapServers, Topics.REGISTRATIONS).stream()
                .filter(record -> keys.contains(record.key()))
                .map(record -> published(record, personKeys))
                .sorted(Comparator.comparingInt(Published::partition).thenComparingLong(Published::offset))
                .toList();
    }

    /** The kinds of one registration's events in the order a consumer receives them, e.g. [confirmed, cancelled]. */
    public static List<String> kindsOf(List<Published> events, String registrationId) {
        return events.stream().filter(e -> e.key().equals(registrationId)).map(Published::kind).toList();
    }

    /** The data of one registration record, its sealed personal part opened with the person's key. */
    public static JsonNode opened(String bootstrapServers, ConsumerRecord<String, byte[]> record) {
        return opened(record, personKeys(bootstrapServers));
    }

    /** The invitations of one account on the accounts topic, in order, each opened with the invitee's key. */
    public static List<OrganiserInvited> invitationsOf(String bootstrapServers, String username) {
        Map<String, PersonKey> keys = personKeys(bootstrapServers);
        return EventLog.readAll(bootstrapServers, Topics.ACCOUNTS).stream()
                .filter(record -> username.equals(record.key()))
                .map(record -> (OrganiserInvited) EventJson.read(EventType.ORGANISER_INVITED, record.value()))
                .map(sealed -> sealed.personal() == null || !keys.containsKey(sealed.personal().personId()) ? sealed
                        : PersonalData.open(sealed, keys.get(sealed.personal().personId())))
                .toList();
    }

    private static Map<String, PersonKey> personKeys(String bootstrapServers) {
        Map<String, PersonKey> keys = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : EventLog.readAll(bootstrapServers, Topics.PERSON_KEYS)) {
            if (record.value() == null) {
                keys.remove(record.key());
            } else {
                keys.put(record.key(), PersonKey.of((PersonKeyIssued) EventJson.read(EventType.PERSON_KEY_ISSUED,
                        record.value())));
            }
        }
        return keys;
    }

    private static JsonNode opened(ConsumerRecord<String, byte[]> record, Map<String, PersonKey> keys) {
        EventType type = EventType.ofCeType(CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE)
                .orElseThrow()).orElseThrow();
        RegistrationEvent event = (RegistrationEvent) EventJson.read(type, record.value());
        SealedPersonal sealed = event.participant().personal();
        if (sealed == null || !keys.containsKey(sealed.personId())) {
            return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(EventJson.write(PersonalData.open(event, keys.get(sealed.personId()))));
    }

    private static Published published(ConsumerRecord<String, byte[]> record, Map<String, PersonKey> keys) {
        JsonNode data = opened(record, keys);
        return new Published(record.key(), record.partition(), record.offset(),
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID).orElse(null),
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE).orElse(null),
                data.path("sequence").asLong(), data);
    }
}
