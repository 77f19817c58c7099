package org.eforum.notification;

import org.eforum.testsupport.structure.ServiceStructureTest;
import org.junit.jupiter.api.Test;

/**
 * The service's shape (see {@link ServiceStructureTest}). {@code delivery.web} is the delivery log's endpoint:
 * no feature imports it.
 */
class StructureTest extends ServiceStructureTest {

    StructureTest() {
        super("org.eforum.notification");
    }

    @Test
    void theDeliveryLogEndpointIsUsedByNoFeature() {
        structure().featuresDoNotUse("delivery.web");
    }
}
