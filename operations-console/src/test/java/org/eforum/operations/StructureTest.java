package org.eforum.operations;

import org.eforum.testsupport.structure.ServiceStructureTest;
import org.junit.jupiter.api.Test;

/**
 * The service's shape (see {@link ServiceStructureTest}). {@code web} is the console's pages and sign-in, on top
 * of the feature packages: none of them imports it.
 */
class StructureTest extends ServiceStructureTest {

    StructureTest() {
        super("org.eforum.operations");
    }

    @Test
    void thePagesUseTheFeaturesWhichDoNotUseThem() {
        structure().featuresDoNotUse("web");
    }
}
