package org.eforum.directory;

import org.eforum.testsupport.structure.ServiceStructureTest;
import org.junit.jupiter.api.Test;

/**
 * The service's shape (see {@link ServiceStructureTest}). Here {@code web} is the query, paging and
 * page-envelope support every listing uses, so the rule turns round: it uses no feature.
 */
class StructureTest extends ServiceStructureTest {

    StructureTest() {
        super("org.eforum.directory");
    }

    @Test
    void theSharedQueryAndPagingSupportUsesNoFeature() {
        structure().sharedPackageUsesNoFeature("web");
    }
}
