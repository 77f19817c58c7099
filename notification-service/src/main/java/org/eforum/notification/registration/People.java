package org.eforum.notification.registration;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eforum.contracts.event.Participant;
import org.eforum.notification.mail.HeaderText;

/** A participant's name as mails show it: one line, whatever was typed. */
final class People {

    private People() {
    }

    static String fullName(Participant participant) {
        return HeaderText.singleLine(Stream.of(participant.firstName(), participant.lastName())
                .filter(Objects::nonNull).collect(Collectors.joining(" ")));
    }
}
