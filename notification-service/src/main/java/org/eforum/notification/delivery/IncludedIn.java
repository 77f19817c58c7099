package org.eforum.notification.delivery;

import java.util.List;

/**
 * Deliveries that carried a registration without being its own, such as the organisers' digest that listed it.
 * The delivery log asks every such source, so it shows all mail a registration caused.
 */
public interface IncludedIn {

    /** The ids of the deliveries that included the registration. */
    List<String> deliveryIdsIncluding(String registrationId);
}
