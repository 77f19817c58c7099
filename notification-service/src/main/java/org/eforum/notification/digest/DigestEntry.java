package org.eforum.notification.digest;

import java.time.Instant;
import java.util.List;

import org.eforum.notification.mail.MailKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change a digest owes its organisers: what the organiser mail of {@code IMMEDIATE} mode would have said.
 *
 * @param id         the event id: a redelivered event is one entry
 * @param recordedAt when this service learnt of it; decides the window the entry belongs to
 * @param digestId   null until a closed window claims the entry; then {@code <conference>:<window end>}
 * @param digested   true once that digest was delivered (or found not deliverable)
 * @param emailHash  of the participant's address, for erasure
 * @param erased     the participant asked to be erased: the entry is redacted and left out of digests
 * @param changedFields what a details change changed (as the event names the fields); null for other changes
 */
@Document("digest_entries")
record DigestEntry(
        @Id String id,
        String conferenceId,
        String registrationId,
        long sequence,
        MailKind kind,
        Instant occurredAt,
        Instant recordedAt,
        String name,
        String email,
        String emailHash,
        String organisation,
        String status,
        String language,
        String title,
        String dates,
        String contactName,
        String contactEmail,
        List<String> cc,
        String digestId,
        boolean digested,
        boolean erased,
        List<String> changedFields) {

    DigestEntry {
        cc = cc == null ? List.of() : List.copyOf(cc);
        changedFields = changedFields == null ? null : List.copyOf(changedFields);
    }
}
