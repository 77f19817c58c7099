package org.eforum.notification.account;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.platform.privacy.PersonalDataReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the accounts topic: each invitation is mailed once. Its address and link are sealed with the invitee's key;
 * no key (the address was erased) means no mail and no dead letter. A failure goes back to the platform's error
 * handler, which retries and finally dead-letters the event, as for registration events.
 */
@Component
class AccountEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

    private final InvitationMails mails;
    private final PersonalDataReader personalData;

    AccountEventsListener(InvitationMails mails, PersonalDataReader personalData) {
        this.mails = mails;
        this.personalData = personalData;
    }

    @KafkaListener(id = "notification-accounts", idIsGroup = false, topics = Topics.ACCOUNTS)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof OrganiserInvited invited)) {
            // Not retryable: the platform's error handler sends it straight to the dead-letter topic.
            throw new IllegalArgumentException("unexpected event on " + record.topic() + ": " + record.value());
        }
        personalData.open(invited).ifPresentOrElse(mails::deliver, () -> log.info(
                "Invitation {} of account {}: its address was erased, nobody is mailed", invited.invitationId(),
                invited.username()));
    }
}
