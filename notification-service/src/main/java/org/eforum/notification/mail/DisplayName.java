package org.eforum.notification.mail;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eforum.contracts.event.Participant;

/** A participant's name as mails show it: one line, whatever was typed. */
public final class DisplayName {

    private DisplayName() {
    }

    public static String of(Participant participant) {
        return HeaderText.singleLine(Stream.of(participant.firstName(), participant.lastName())
                .filter(Objects::nonNull).collect(Collectors.joining(" ")));
    }
}
