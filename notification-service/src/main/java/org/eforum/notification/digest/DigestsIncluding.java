package org.eforum.notification.digest;

import java.util.List;

import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.delivery.IncludedIn;
import org.eforum.notification.mail.MailKind;
import org.springframework.stereotype.Component;

/** A registration's changes that went into organisers' digests: those digests' deliveries. */
@Component
class DigestsIncluding implements IncludedIn {

    private final DigestEntries entries;

    DigestsIncluding(DigestEntries entries) {
        this.entries = entries;
    }

    @Override
    public List<String> deliveryIdsIncluding(String registrationId) {
        return entries.digestsOf(registrationId).stream().map(digestId -> DeliveryRequest.organisersDeliveryId(
                Digests.deliveryEventOf(digestId), MailKind.ORGANISER_DIGEST)).toList();
    }
}
