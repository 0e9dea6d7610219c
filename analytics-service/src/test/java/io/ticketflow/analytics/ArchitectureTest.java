package io.ticketflow.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ticketflow.testkit.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses ANALYTICS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ticketflow.analytics");

    @Test
    void analytics_uses_no_other_service() {
        ServiceBoundaries.assertServiceStandsAlone("analytics");
    }

    @Test
    void only_the_messaging_package_talks_to_kafka() {
        noClasses().that().resideOutsideOfPackage("io.ticketflow.analytics.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .because("listeners live in messaging; the read model is fed through TicketFacts")
                .check(ANALYTICS);
    }

    @Test
    void the_kpi_definitions_are_plain_java() {
        noClasses().that().haveSimpleName("KpiCalculator").or().haveSimpleName("TicketFact")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .because("KPI definitions are unit-tested without Spring or MongoDB")
                .check(ANALYTICS);
    }
}
