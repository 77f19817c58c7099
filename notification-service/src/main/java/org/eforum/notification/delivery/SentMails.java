package org.eforum.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import org.eforum.notification.mail.OutgoingMail;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The copies of sent mails, one per delivery (the digest's, which lists many people, is not kept). */
@Component
public class SentMails {

    /** A self-service link's token, in the text and in the HTML (where {@code &} may be written {@code &amp;}). */
    private static final Pattern TOKEN = Pattern.compile("(token=)[^&\\s\"'<>]+");
    static final String HIDDEN = "[hidden]";

    private final MongoTemplate mongo;

    SentMails(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void keep(String deliveryId, String registrationId, OutgoingMail mail, Instant sentAt) {
        mongo.save(new SentMail(deliveryId, registrationId, mail.to().toUnicodeString(),
                mail.cc().stream().map(InternetAddress::toUnicodeString).toList(), mail.subject(),
                hideTokens(mail.text()), hideTokens(mail.html()), sentAt));
    }

    public Optional<SentMail> find(String deliveryId) {
        return Optional.ofNullable(mongo.findById(deliveryId, SentMail.class));
    }

    /** Forgets every copy of the given registrations' mails (an erasure). */
    int forgetRegistrations(Collection<String> registrationIds) {
        if (registrationIds.isEmpty()) {
            return 0;
        }
        return (int) mongo.remove(query(where("registrationId").in(registrationIds)), SentMail.class)
                .getDeletedCount();
    }

    static String hideTokens(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("$1" + HIDDEN);
    }
}
