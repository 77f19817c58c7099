package org.eforum.localstack.faults;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.core.ConditionTimeoutException;
import org.eforum.localstack.App;
import org.eforum.localstack.Stack;
import org.eforum.localstack.faults.RegistrationStream.Participant;
import org.eforum.testsupport.EventLog;
import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a scenario, reads the stores and the mailboxes as a user of each would: the organiser's list of
 * registrations, the raw registrations topic, the public directory, and every mailbox over IMAP. Each check waits
 * (the pipeline drains what the fault held back) and, when its wait runs out, reports what is missing instead of
 * stopping, so that the row of the table is always written.
 */
final class PipelineCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONFIRMED = "org.eforum.registration.confirmed.v1";
    private static final String ADDRESS_CONFIRMED = "org.eforum.registration.address-confirmed.v1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Stack stack;
    private final Duration drain;

    PipelineCheck(Stack stack, Duration drain) {
        this.stack = stack;
        this.drain = drain;
    }

    /** @param started {@link System#nanoTime()} when the scenario started: its row says how long it took, checks included */
    ScenarioResult check(String scenario, String conferenceId, String tag, String contact, RegistrationStream stream,
            long started) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Participant> accepted = stream.accepted();
        Map<String, Participant> confirmed = stream.addressConfirmed();

        // Stored: the organiser's list holds every 201 (and maybe some whose answer was lost).
        Set<String> stored = new HashSet<>();
        waitFor(() -> {
            stored.clear();
            stored.addAll(storedIds(conferenceId));
            return stored.containsAll(accepted.keySet());
        });
        Set<String> notStored = new HashSet<>(accepted.keySet());
        notStored.removeAll(stored);
        if (!notStored.isEmpty()) {
            problems.add(notStored.size() + " registration(s) answered 201 are not stored: " + sample(notStored));
        }

        // On Kafka: each stored registration's events once each (by ce_id) and in order.
        Map<String, List<ConsumerRecord<String, byte[]>>> events = new HashMap<>();
        waitFor(() -> {
            events.clear();
            events.putAll(eventsOf(stored));
            return accepted.keySet().stream().allMatch(id -> complete(events.get(id), confirmed.containsKey(id)));
        });
        int onKafka = 0;
        int kafkaRepeats = 0;
        int duplicates = 0;
        for (String id : accepted.keySet()) {
            List<ConsumerRecord<String, byte[]>> records = events.getOrDefault(id, List.of());
            Map<String, String> typeById = new LinkedHashMap<>(); // ce_id → ce_type, in the order first seen
            for (ConsumerRecord<String, byte[]> record : records) {
                if (typeById.putIfAbsent(header(record, "ce_id"), header(record, "ce_type")) != null) {
                    kafkaRepeats++;
                }
            }
            List<String> types = new ArrayList<>(typeById.values());
            long distinctTypes = types.stream().distinct().count();
            if (distinctTypes < types.size()) {
                duplicates += types.size() - (int) distinctTypes;
                problems.add("registration " + id + " has one kind of event twice with different ids: " + types);
            } else if (!complete(records, confirmed.containsKey(id))) {
                problems.add("registration " + id + " lacks events or has them out of order: " + types);
            } else {
                onKafka++;
            }
        }

        // In the directory: every consenting participant whose confirmation was answered 200, nobody who did not
        // consent, nobody twice.
        Set<String> toList = new HashSet<>();
        confirmed.values().stream().filter(Participant::listInDirectory).forEach(p -> toList.add(p.lastName()));
        Set<String> notToList = new HashSet<>();
        accepted.values().stream().filter(p -> !p.listInDirectory()).forEach(p -> notToList.add(p.lastName()));
        List<String> listed = new ArrayList<>();
        waitFor(() -> {
            listed.clear();
            listed.addAll(listedLastNames(tag));
            return listed.containsAll(toList);
        });
        Set<String> missing = new HashSet<>(toList);
        missing.removeAll(listed);
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " consenting, confirmed participant(s) are not listed: " + sample(missing));
        }
        Set<String> wronglyListed = new HashSet<>(listed);
        wronglyListed.retainAll(notToList);
        if (!wronglyListed.isEmpty()) {
            problems.add("listed without consent: " + sample(wronglyListed));
        }
        int listedTwice = listed.size() - new HashSet<>(listed).size();
        duplicates += listedTwice;
        if (listedTwice > 0) {
            problems.add(listedTwice + " person(s) listed twice");
        }
        int listedOfThem = (int) toList.stream().filter(listed::contains).count();

        // Mails: the organiser's (one per registration, naming the participant's address) and the participant's.
        List<ReceivedMail> organiserBox = new ArrayList<>();
        waitFor(() -> {
            organiserBox.clear();
            organiserBox.addAll(ImapMailbox.read("127.0.0.1", stack.mail().imapPort(), contact));
            return accepted.values().stream().allMatch(p -> organiserBox.stream().anyMatch(m -> about(m, p)));
        });
        int mails = 0;
        int mailRepeats = 0;
        for (Participant participant : accepted.values()) {
            List<ReceivedMail> aboutThem = organiserBox.stream().filter(m -> about(m, participant)).toList();
            Set<String> ids = new HashSet<>();
            aboutThem.forEach(m -> ids.add(m.messageId()));
            mails += ids.size() > 0 ? 1 : 0;
            mailRepeats += aboutThem.size() - ids.size();
            if (ids.size() != 1) {
                problems.add("the organiser has " + ids.size() + " different mail(s) about " + participant.email());
                duplicates += Math.max(0, ids.size() - 1);
            }
        }
        for (Participant participant : accepted.values()) {
            List<ReceivedMail> box = new ArrayList<>();
            waitFor(() -> {
                box.clear();
                box.addAll(ImapMailbox.read("127.0.0.1", stack.mail().imapPort(), participant.email()));
                return !box.isEmpty();
            });
            Set<String> ids = new HashSet<>();
            box.forEach(m -> ids.add(m.messageId()));
            mails += ids.size() > 0 ? 1 : 0;
            mailRepeats += box.size() - ids.size();
            if (ids.size() != 1) {
                problems.add(participant.email() + " has " + ids.size() + " different mail(s)");
                duplicates += Math.max(0, ids.size() - 1);
            }
        }
        return new ScenarioResult(scenario, stream.sent(), accepted.size(), stored.size(), onKafka, listedOfThem,
                toList.size(), mails, 2 * accepted.size(), duplicates, kafkaRepeats, mailRepeats,
                Duration.ofNanos(System.nanoTime() - started), problems);
    }

    /** The first event decides the status (capacity is ample: confirmed); the confirmation, when answered, follows. */
    private static boolean complete(List<ConsumerRecord<String, byte[]>> records, boolean addressConfirmed) {
        if (records == null || records.isEmpty()) {
            return false;
        }
        List<String> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (seen.add(header(record, "ce_id"))) {
                types.add(header(record, "ce_type"));
            }
        }
        // An unanswered confirmation may still have been applied; one answered 200 must be there, after.
        return types.equals(List.of(CONFIRMED, ADDRESS_CONFIRMED)) || (!addressConfirmed && types.equals(List.of(CONFIRMED)));
    }

    private static boolean about(ReceivedMail mail, Participant participant) {
        return mail.text() != null && mail.text().contains(participant.email());
    }

    private void waitFor(Callable<Boolean> condition) {
        try {
            await().atMost(drain).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(condition);
        } catch (ConditionTimeoutException e) {
            // reported by the caller from what the last attempt found
        }
    }

    private Set<String> storedIds(String conferenceId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(App.REGISTRATION)
                        + "/api/conferences/" + conferenceId + "/registrations")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", organiser()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("listing answered " + response.statusCode());
        }
        Set<String> ids = new HashSet<>();
        JSON.readTree(response.body()).forEach(registration -> ids.add(registration.get("id").asString()));
        return ids;
    }

    private Map<String, List<ConsumerRecord<String, byte[]>>> eventsOf(Set<String> ids) {
        Map<String, List<ConsumerRecord<String, byte[]>>> events = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : EventLog.readAll(stack.bootstrapServers(), "eforum.registrations")) {
            if (ids.contains(record.key())) {
                events.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
            }
        }
        return events;
    }

    private List<String> listedLastNames(String tag) throws Exception {
        List<String> names = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(App.DIRECTORY)
                    + "/api/directory/stakeholders?q=" + tag.toLowerCase() + "&size=100&page=" + page))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the directory answered " + response.statusCode());
            }
            JsonNode items = JSON.readTree(response.body()).get("items");
            items.forEach(item -> names.add(item.get("lastName").asString()));
            if (items.size() < 100) {
                return names;
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String sample(Set<String> values) {
        return values.stream().sorted().limit(5).toList() + (values.size() > 5 ? " …" : "");
    }

    static String organiser() {
        return "Basic " + Base64.getEncoder().encodeToString("organiser:organiser".getBytes(StandardCharsets.UTF_8));
    }
}
