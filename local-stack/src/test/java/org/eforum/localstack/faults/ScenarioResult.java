package org.eforum.localstack.faults;

import java.time.Duration;
import java.util.List;

/**
 * What one scenario measured, a row of the suite's table. {@code duplicates} are copies that must never exist (a
 * second event of one kind with another id, a second mail with another Message-ID, a person listed twice);
 * {@code repeats} are the documented at-least-once copies that change nothing (a record re-published with the same
 * {@code ce_id}, a mail sent again with the same Message-ID), counted apart. {@code problems} says what failed.
 */
record ScenarioResult(String scenario, int sent, int accepted, int stored, int onKafka, int listed, int toList,
        int mails, int expectedMails, int duplicates, int kafkaRepeats, int mailRepeats, Duration took,
        List<String> problems) {

    static String header() {
        return "| scenario | sent | accepted (201) | stored | on Kafka (events once, in order) | in the directory "
                + "(listed / consented and confirmed) | mails (distinct / expected) | duplicates | repeated same "
                + "ce_id / same Message-ID | took |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }

    String row() {
        return "| %s | %d | %d | %d | %d | %d / %d | %d / %d | %d | %d / %d | %d s |".formatted(scenario, sent,
                accepted, stored, onKafka, listed, toList, mails, expectedMails, duplicates, kafkaRepeats,
                mailRepeats, took.toSeconds());
    }
}
