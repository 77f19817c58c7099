package org.eforum.testsupport.structure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The structure tests every service runs: it uses no other service, its feature packages have no cycles, and every
 * package says what it is for. A service's {@code StructureTest} extends this with its base package and adds the
 * rule of its own {@code web} package. One instance per class, so the classes are read once, not once per
 * test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceStructureTest {

    private final ServiceStructure structure;

    protected ServiceStructureTest(String basePackage) {
        this.structure = ServiceStructure.of(basePackage);
    }

    protected ServiceStructure structure() {
        return structure;
    }

    @Test
    void usesNoOtherService() {
        structure.usesNoOtherService();
    }

    @Test
    void hasNoCyclesBetweenItsPackages() {
        structure.hasNoCyclesBetweenPackages();
    }

    @Test
    void everyPackageIsDocumentedAndNullMarked() {
        structure.everyPackageIsDocumentedAndNullMarked();
    }
}
