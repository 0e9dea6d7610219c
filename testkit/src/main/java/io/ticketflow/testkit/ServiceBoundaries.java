package io.ticketflow.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The architecture rule every service checks: no service imports another service's classes.
 * The only shared code is {@code io.ticketflow.events} (contracts) and, in tests, the testkit.
 */
public final class ServiceBoundaries {

    /** The services' root packages. */
    public static final List<String> SERVICES = List.of("intake", "routing", "sla", "feedback", "analytics");

    private ServiceBoundaries() {
    }

    /**
     * Fails when a class of the given service (e.g. {@code "routing"}) depends on a class of
     * any other service.
     */
    public static void assertServiceStandsAlone(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.ticketflow");
        String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "io.ticketflow." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.ticketflow." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share nothing but Kafka topics (DESIGN §1)")
                .check(classes);
    }
}
