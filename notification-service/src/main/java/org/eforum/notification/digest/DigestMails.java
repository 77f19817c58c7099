package org.eforum.notification.digest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import org.eforum.notification.conference.Conferences;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.mail.ChangedFields;
import org.eforum.notification.mail.HeaderText;
import org.eforum.notification.mail.MailAddresses;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.eforum.notification.mail.MailSettings;
import org.eforum.notification.mail.MailTemplates;
import org.eforum.notification.mail.OutgoingMail;
import org.springframework.stereotype.Component;

/** The digest mail: one line per change of the window, in the conference's main language, to the contact with Cc. */
@Component
class DigestMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Conferences conferences;
    private final MailTemplates templates;
    private final MailSettings settings;

    DigestMails(Conferences conferences, MailTemplates templates, MailSettings settings) {
        this.conferences = conferences;
        this.templates = templates;
        this.settings = settings;
    }

    /** Composes the digest for the request as the delivery service hands it over (erased addresses left out). */
    OutgoingMail compose(DeliveryRequest request, List<DigestEntry> changes, DigestEntry latest) {
        MailLanguage language = request.language();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DigestEntry change : changes) {
            Map<String, Object> line = new HashMap<>();
            line.put("time", TIME.format(change.occurredAt() == null ? change.recordedAt() : change.occurredAt()));
            line.put("kind", change.kind().name());
            line.put("name", change.name());
            line.put("organisation", change.organisation());
            line.put("email", change.email());
            line.put("status", templates.message("status." + change.status(), language));
            line.put("changes", change.changedFields() == null || change.changedFields().isEmpty() ? null
                    : String.join(", ", ChangedFields.labels(change.changedFields(), language, templates)));
            lines.add(line);
        }
        // The entries keep the title in the language they were noted in; the mail's language may differ.
        String title = latest.language().equals(language.code()) ? latest.title()
                : conferences.find(latest.conferenceId()).map(c -> HeaderText.singleLine(
                        c.title().getOrDefault(language.code(), latest.title()))).orElse(latest.title());
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("dates", latest.dates());
        variables.put("count", changes.size());
        variables.put("entries", lines);
        MailTemplates.Bodies bodies = templates.render("digest", language, variables);
        InternetAddress to = MailAddresses.parse(request.recipient());
        String subject = templates.message("subject.ORGANISER_DIGEST", language, title, changes.size());
        return new OutgoingMail(MailKind.ORGANISER_DIGEST, language, to,
                MailAddresses.ccList(request.cc(), to, request.conferenceId()), settings.replyToAddress(), subject,
                bodies.text(), bodies.html());
    }
}
