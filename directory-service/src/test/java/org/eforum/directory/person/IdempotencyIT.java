package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationPromoted;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same story told twice, in two worlds that differ only by a marker in every name, address and id: once
 * delivered cleanly in order, once with every event delivered twice and shuffled as Kafka may deliver them
 * (each registration's own events in order, with redeliveries of earlier ones, across registrations anything).
 * Both worlds must give the same directory.
 */
class IdempotencyIT extends AbstractDirectoryIT {

    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

    @Test
    void duplicatedAndShuffledDeliveryGivesTheSameDirectoryAsACleanOne() {
        String clean = uniqueWord("cl");
        String messy = uniqueWord("ms"); // the same length as the other marker
        Random random = new Random(20261124L);

        story(clean).stream().sorted(Comparator.comparing(EforumEvent::occurredAt)).forEach(this::publish);
        shuffledWithRedeliveries(story(messy), random).forEach(this::publish);
        awaitAllConsumed();

        assertThat(directory(messy).replace(messy, clean)).isEqualTo(directory(clean));
        assertThat(directory(clean)).contains("Anna", "Boris", "Vera", "Goran", "Dana", "Hidden", "First renamed");
        String publicView = get("/api/directory/stakeholders?size=100&q=" + clean).body();
        assertThat(publicView).contains("Anna", "Vera", "Goran", "Dana")
                .doesNotContain("Boris", "Hidden", "Impostor", "Fake", "@");
    }

    @Test
    void moderatedAndCorrectedRegistrationsGiveTheSameDirectoryWhateverTheDelivery() {
        String clean = uniqueWord("mc");
        String messy = uniqueWord("mm");
        Random random = new Random(20261202L);

        moderatedStory(clean).stream().sorted(Comparator.comparing(EforumEvent::occurredAt)).forEach(this::publish);
        shuffledWithRedeliveries(moderatedStory(messy), random).forEach(this::publish);
        awaitAllConsumed();

        assertThat(directory(messy).replace(messy, clean)).isEqualTo(directory(clean));
        assertThat(directory(clean)).as("organisers see every registration, pending and declined too")
                .contains("Pavel", "Olga", "Zora", "Emil", "Kiril", "Lara", "Larisa", "PENDING", "DECLINED")
                .contains("kiril.new." + clean).doesNotContain("kiril.old." + clean);
        String publicView = get("/api/directory/stakeholders?size=100&q=" + clean).body()
                + get("/api/directory/organisations?size=100&q=" + clean).body()
                + get("/api/directory/experts?size=100&q=" + clean).body();
        assertThat(publicView).contains("Pavel", "Emil", "New Works", "Kiril", "Lara", "Larisa")
                .doesNotContain("Olga", "Zora", "Old Works", "Declined Ltd", "Pending Ltd", "@");
        JsonNode stakeholders = get("/api/directory/stakeholders?size=100&q=" + clean).json();
        assertThat(stakeholders.get("total").asInt()).as("Pavel, Emil, Kiril, Lara and Larisa").isEqualTo(5);
    }

    /**
     * Six people: approved, declined and still pending registrations (each address confirmed while pending); a
     * correction of the organisation and consents; an address change of someone's only registration (with its
     * request), and of one of two registrations of a shared address.
     */
    private static List<EforumEvent> moderatedStory(String marker) {
        ConferenceSnapshot c1 = conference("c1-" + marker, "Moderated " + marker);
        ConferenceSnapshot c2 = conference("c2-" + marker, "Open " + marker);
        Participant pavel = person("Pavel", marker).email("pavel." + marker + "@example.org")
                .organisation("Approved Ltd " + marker).build();
        Participant olga = person("Olga", marker).email("olga." + marker + "@example.org")
                .organisation("Declined Ltd " + marker).expertsNetwork(true).build();
        Participant zora = person("Zora", marker).email("zora." + marker + "@example.org")
                .organisation("Pending Ltd " + marker).expertsNetwork(true).build();
        Participant emil = person("Emil", marker).email("emil." + marker + "@example.org")
                .organisation("Old Works " + marker).build();
        Participant emilCorrected = person("Emil", marker).email("emil." + marker + "@example.org")
                .organisation("New Works " + marker).type(StakeholderType.SOCIAL_PARTNER).expertsNetwork(true).build();
        Participant kiril = person("Kiril", marker).email("kiril.old." + marker + "@example.org")
                .organisation("Movers " + marker).build();
        Participant kirilMoved = person("Kiril", marker).email("kiril.new." + marker + "@example.org")
                .organisation("Movers " + marker).build();
        Participant lara = person("Lara", marker).email("shared." + marker + "@example.org")
                .organisation("Shared " + marker).build();
        Participant larisa = person("Larisa", marker).email("larisa." + marker + "@example.org")
                .organisation("Shared " + marker).build();
        return List.of(
                new ConferenceChanged(id(), T0, 1, c1, List.of("organiser")),
                new ConferenceChanged(id(), T0, 1, c2, List.of("organiser")),
                submitted("m1-" + marker, pavel, c1, 10),
                addressConfirmed("m1-" + marker, 2, pavel, c1, RegistrationStatus.PENDING, 11),
                new RegistrationApproved(id(), T0.plusSeconds(12), "m1-" + marker, 3, pavel, c1, null,
                        RegistrationStatus.CONFIRMED, "Welcome"),
                submitted("m2-" + marker, olga, c1, 20),
                addressConfirmed("m2-" + marker, 2, olga, c1, RegistrationStatus.PENDING, 21),
                new RegistrationDeclined(id(), T0.plusSeconds(22), "m2-" + marker, 3, olga, c1, null, "No"),
                submitted("m3-" + marker, zora, c1, 30),
                addressConfirmed("m3-" + marker, 2, zora, c1, RegistrationStatus.PENDING, 31),
                confirmed("m4-" + marker, 1, emil, c2, 40),
                addressConfirmed("m4-" + marker, 2, emil, c2, RegistrationStatus.CONFIRMED, 41),
                detailsChanged("m4-" + marker, 3, emilCorrected, c2, 42, "organisation", "stakeholderType",
                        "consents"),
                confirmed("m5-" + marker, 1, kiril, c1, 50),
                addressConfirmed("m5-" + marker, 2, kiril, c1, RegistrationStatus.CONFIRMED, 51),
                new RegistrationEmailChangeRequested(id(), T0.plusSeconds(52), "m5-" + marker, 2, kiril, c1, null,
                        RegistrationStatus.CONFIRMED, kirilMoved.email(), "https://register.eforum.example/x"),
                detailsChanged("m5-" + marker, 3, kirilMoved, c1, 53, "email"),
                confirmed("m6-" + marker, 1, lara, c1, 60),
                addressConfirmed("m6-" + marker, 2, lara, c1, RegistrationStatus.CONFIRMED, 61),
                confirmed("m7-" + marker, 1, lara, c2, 62),
                addressConfirmed("m7-" + marker, 2, lara, c2, RegistrationStatus.CONFIRMED, 63),
                detailsChanged("m7-" + marker, 3, larisa, c2, 64, "firstName", "email"));
    }

    /** Five people, two conferences (one renamed), waitlists, promotions, cancellations and changes of consent. */
    private static List<EforumEvent> story(String marker) {
        ConferenceSnapshot c1 = conference("c1-" + marker, "First " + marker);
        ConferenceSnapshot c1Renamed = conference("c1-" + marker, "First renamed " + marker);
        ConferenceSnapshot c2 = conference("c2-" + marker, "Second " + marker);
        Participant anna = person("Anna", marker).email("anna." + marker + "@example.org")
                .organisation("Ministry of Labour " + marker).type(StakeholderType.GOVERNMENT_INSTITUTION)
                .expertsNetwork(true).build();
        Participant boris = person("Boris", marker).email("boris." + marker + "@example.org")
                .organisation("ministry of  labour " + marker).type(StakeholderType.GOVERNMENT_INSTITUTION).build();
        Participant borisUnlisted = person("Boris", marker).email("Boris." + marker + "@Example.org")
                .organisation("Ministry of Labour " + marker).listed(false).build();
        Participant vera = person("Vera", marker).email("vera." + marker + "@example.org").listed(false)
                .organisation("NGO " + marker).build();
        Participant veraListed = person("Vera", marker).email("vera." + marker + "@example.org")
                .organisation("NGO " + marker).type(StakeholderType.CIVIL_SOCIETY).expertsNetwork(true).build();
        Participant goran = person("Goran", marker).email("goran." + marker + "@example.org")
                .organisation("University " + marker).type(StakeholderType.ACADEMIA).country("MK").build();
        Participant dana = person("Dana", marker).email("dana." + marker + "@example.org")
                .organisation("University " + marker).type(StakeholderType.ACADEMIA).country("MK").build();
        return List.of(
                new ConferenceChanged(id(), T0, 1, c1, List.of("organiser")),
                new ConferenceChanged(id(), T0.plusSeconds(500), 2, c1Renamed, List.of("organiser")),
                new ConferenceChanged(id(), T0, 1, c2, List.of("organiser")),
                confirmed("r1-" + marker, 1, anna, c1, 10),
                addressConfirmed("r1-" + marker, 2, anna, c1, RegistrationStatus.CONFIRMED, 11),
                cancelled("r1-" + marker, 3, anna, c1, 50),
                waitlisted("r2-" + marker, 1, anna, c2, 20),
                addressConfirmed("r2-" + marker, 2, anna, c2, RegistrationStatus.WAITLISTED, 21),
                promoted("r2-" + marker, 3, anna, c2, 60),
                confirmed("r3-" + marker, 1, boris, c1, 30),
                addressConfirmed("r3-" + marker, 2, boris, c1, RegistrationStatus.CONFIRMED, 31),
                confirmed("r4-" + marker, 1, borisUnlisted, c2, 70),
                addressConfirmed("r4-" + marker, 2, borisUnlisted, c2, RegistrationStatus.CONFIRMED, 71),
                confirmed("r5-" + marker, 1, vera, c2, 40),
                addressConfirmed("r5-" + marker, 2, vera, c2, RegistrationStatus.CONFIRMED, 41),
                confirmed("r6-" + marker, 1, veraListed, c1, 80),
                addressConfirmed("r6-" + marker, 2, veraListed, c1, RegistrationStatus.CONFIRMED, 81),
                waitlisted("r7-" + marker, 1, goran, c2, 90),
                addressConfirmed("r7-" + marker, 2, goran, c2, RegistrationStatus.WAITLISTED, 91),
                promoted("r7-" + marker, 3, goran, c2, 95),
                cancelled("r7-" + marker, 4, goran, c2, 99),
                confirmed("r8-" + marker, 1, dana, c1, 15),
                addressConfirmed("r8-" + marker, 2, dana, c1, RegistrationStatus.CONFIRMED, 16),
                confirmed("r9-" + marker, 1, person("Hidden", marker).listed(false).organisation("Secret " + marker)
                        .email("hidden." + marker + "@example.org").build(), c1, 16),
                // Someone else types Dana's address, later, under another name, and never confirms it.
                confirmed("r10-" + marker, 1, person("Impostor", marker).email("DANA." + marker + "@example.org")
                        .listed(false).organisation("Fake " + marker).build(), c2, 100));
    }

    /**
     * Each registration's events keep their order, and after each one an earlier (or the same) event of that
     * registration may come again; the registrations and conference changes are then interleaved at random.
     */
    private static List<EforumEvent> shuffledWithRedeliveries(List<EforumEvent> story, Random random) {
        Map<String, List<EforumEvent>> streams = new LinkedHashMap<>();
        for (EforumEvent event : story) {
            String key = event instanceof RegistrationEvent r ? r.registrationId() : "conference-" + event.eventId();
            streams.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        }
        List<List<EforumEvent>> deliveries = new ArrayList<>();
        for (List<EforumEvent> stream : streams.values()) {
            List<EforumEvent> delivery = new ArrayList<>();
            for (int i = 0; i < stream.size(); i++) {
                delivery.add(stream.get(i));
                delivery.add(stream.get(random.nextInt(i + 1)));
            }
            deliveries.add(delivery);
        }
        List<EforumEvent> interleaved = new ArrayList<>();
        while (!deliveries.isEmpty()) {
            List<EforumEvent> next = deliveries.get(random.nextInt(deliveries.size()));
            interleaved.add(next.remove(0));
            if (next.isEmpty()) {
                deliveries.remove(next);
            }
        }
        return interleaved;
    }

    /** What the public and the organiser see of one world, without the ids derived from its addresses. */
    private String directory(String marker) {
        List<JsonNode> answers = List.of(
                get("/api/directory/stakeholders?size=100&q=" + marker).json(),
                get("/api/directory/organisations?size=100&q=" + marker).json(),
                get("/api/directory/experts?size=100&q=" + marker).json(),
                get("/api/directory/conferences/c1-" + marker + "/participants", ORGANISER, ORGANISER_PASSWORD).json(),
                get("/api/directory/conferences/c2-" + marker + "/participants", ORGANISER, ORGANISER_PASSWORD).json());
        StringBuilder all = new StringBuilder();
        answers.forEach(answer -> all.append(withoutDerivedIds(answer)).append('\n'));
        return all.toString();
    }

    private static JsonNode withoutDerivedIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            // person and organisation ids are keyed hashes of the (marker-bearing) address or name
            if (object.has("firstName") || object.has("people")) {
                object.remove("id");
            }
            object.remove("organisationId");
            object.forEach(IdempotencyIT::withoutDerivedIds);
        } else if (node.isArray()) {
            node.forEach(IdempotencyIT::withoutDerivedIds);
        }
        return node;
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static RegistrationConfirmed confirmed(String id, long sequence, Participant p, ConferenceSnapshot c,
            int second) {
        return new RegistrationConfirmed(id(), T0.plusSeconds(second), id, sequence, p, c, null);
    }

    private static RegistrationWaitlisted waitlisted(String id, long sequence, Participant p, ConferenceSnapshot c,
            int second) {
        return new RegistrationWaitlisted(id(), T0.plusSeconds(second), id, sequence, p, c, null);
    }

    private static RegistrationPromoted promoted(String id, long sequence, Participant p, ConferenceSnapshot c,
            int second) {
        return new RegistrationPromoted(id(), T0.plusSeconds(second), id, sequence, p, c, null);
    }

    private static RegistrationAddressConfirmed addressConfirmed(String id, long sequence, Participant p,
            ConferenceSnapshot c, RegistrationStatus status, int second) {
        return new RegistrationAddressConfirmed(id(), T0.plusSeconds(second), id, sequence, p, c, null, status);
    }

    private static RegistrationSubmitted submitted(String id, Participant p, ConferenceSnapshot c, int second) {
        return new RegistrationSubmitted(id(), T0.plusSeconds(second), id, 1, p, c, null);
    }

    private static RegistrationDetailsChanged detailsChanged(String id, long sequence, Participant p,
            ConferenceSnapshot c, int second, String... changedFields) {
        return new RegistrationDetailsChanged(id(), T0.plusSeconds(second), id, sequence, p, c, null,
                RegistrationStatus.CONFIRMED, List.of(changedFields));
    }

    private static RegistrationCancelled cancelled(String id, long sequence, Participant p, ConferenceSnapshot c,
            int second) {
        return new RegistrationCancelled(id(), T0.plusSeconds(second), id, sequence, p, c, null,
                RegistrationStatus.CONFIRMED);
    }
}
