package org.eforum.testsupport.structure;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.TreeSet;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;

/**
 * The structure every E-Forum service keeps, checked on its main classes (tests left out). Each service's
 * {@code StructureTest} calls these for its base package, so a drift fails {@code ./mvnw verify} while it is small.
 */
public final class ServiceStructure {

    /** The base packages of the apps and of the test support, none of which a service may use. */
    private static final List<String> OTHERS = List.of("org.eforum.registration", "org.eforum.directory",
            "org.eforum.notification", "org.eforum.operations", "org.eforum.localstack", "org.eforum.bench",
            "org.eforum.testsupport");

    private final String base;
    private final JavaClasses classes;

    private ServiceStructure(String base, JavaClasses classes) {
        this.base = base;
        this.classes = classes;
    }

    /** The main classes below {@code basePackage}, as the build compiled them. */
    public static ServiceStructure of(String basePackage) {
        // The rules need only the names of what the service uses: reading Spring and the rest from the class path
        // as well took most of half a minute per service.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        return new ServiceStructure(basePackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage));
    }

    /** Services talk through the contracts (events, HTTP) and share only contracts and platform. */
    public void usesNoOtherService() {
        String[] others = OTHERS.stream().filter(other -> !other.equals(base)).map(other -> other + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(base + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a service uses another only through contracts: its events and its HTTP API")
                .check(classes);
    }

    /** The feature packages (right below the base, with their subpackages) depend on each other one way only. */
    public void hasNoCyclesBetweenPackages() {
        slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * {@code web} (below the base) is the adapter at the top: it may use the feature packages, none of them may
     * use it.
     */
    public void featuresDoNotUse(String webPackage) {
        String web = base + "." + webPackage;
        noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(web + "..").should()
                .dependOnClassesThat().resideInAPackage(web + "..")
                .because(web + " adapts the features to HTTP; the features do not know about it").check(classes);
    }

    /** A package every feature may use (shared support) uses no feature itself, or it would tie them together. */
    public void sharedPackageUsesNoFeature(String sharedPackage) {
        String shared = base + "." + sharedPackage;
        noClasses().that().resideInAPackage(shared + "..").should().dependOnClassesThat(
                resideInAPackage(base + "..").and(resideOutsideOfPackage(shared + "..")))
                .because(shared + " serves every feature, so it must not tie itself to one").check(classes);
    }

    /** Every package says what it is for in a {@code package-info.java} marked {@link NullMarked}. */
    public void everyPackageIsDocumentedAndNullMarked() {
        TreeSet<String> missing = new TreeSet<>();
        for (JavaClass type : classes) {
            JavaPackage pkg = type.getPackage();
            if (pkg.tryGetPackageInfo().isEmpty() || !pkg.isAnnotatedWith(NullMarked.class)) {
                missing.add(pkg.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("Packages without a package-info.java marked @NullMarked: " + missing);
        }
    }
}
