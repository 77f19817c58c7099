package org.eforum.registration;

import org.eforum.testsupport.structure.ServiceStructureTest;
import org.junit.jupiter.api.Test;

/**
 * The service's shape (see {@link ServiceStructureTest}). {@code web} holds the HTTP adapters (problem details,
 * body limit, security): no feature imports it.
 */
class StructureTest extends ServiceStructureTest {

    StructureTest() {
        super("org.eforum.registration");
    }

    @Test
    void webAdaptsTheFeaturesWhichDoNotUseIt() {
        structure().featuresDoNotUse("web");
    }
}
