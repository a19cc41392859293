package org.wayfarer.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/architecture/overview.md sections 1 and 7: the engine owns its ports; technologies stay in infra/. */
class ArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wayfarer.journey");

    @Test
    void coreDoesNotDependOnInfrastructureTechnologies() {
        noClasses().that().resideOutsideOfPackage("org.wayfarer.journey.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baomidou..", "org.apache.ibatis..",
                        "org.mybatis..", "org.redisson..", "org.apache.rocketmq..", "me.chanjar..",
                        "com.github.binarywang..", "org.springframework.jdbc..", "org.springframework.transaction..",
                        "org.springframework.boot..", "org.springframework.context..")
                .check(engine);
    }

    @Test
    void coreDoesNotDependOnInfra() {
        noClasses().that().resideOutsideOfPackage("org.wayfarer.journey.infra..")
                .should().dependOnClassesThat().resideInAPackage("org.wayfarer.journey.infra..")
                .check(engine);
    }

    /** docs/architecture/overview.md: the engine's feature packages depend on each other in one direction only. */
    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.wayfarer.journey.(*)..").should().beFreeOfCycles().check(engine);
    }

    /** Node behaviours and the definition model are pure: no stores, no dispatch, no runtime plumbing. */
    @Test
    void definitionsKnowNothingOfStoresOrRuntime() {
        noClasses().that().resideInAPackage("org.wayfarer.journey.definition..")
                .should().dependOnClassesThat().resideInAnyPackage("org.wayfarer.journey.runtime..",
                        "org.wayfarer.journey.dispatch..", "org.wayfarer.journey.inbox..",
                        "org.wayfarer.journey.contact..", "org.wayfarer.journey.catalog..")
                .check(engine);
    }

    /** Time comes from the injected Clock: no wall-clock reads outside infrastructure (rate limits measure nanos). */
    @Test
    void coreNeverReadsTheWallClock() {
        noClasses().that().resideOutsideOfPackage("org.wayfarer.journey.infra..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(engine);
    }
}
