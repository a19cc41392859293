package org.wayfarer.admin;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The admin API's shape (docs/architecture/overview.md): controllers call engine and channel services, never stores. */
class ArchitectureTest {

    private final JavaClasses admin = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wayfarer.admin");

    @Test
    void onlyInfraTouchesMybatis() {
        noClasses().that().resideOutsideOfPackage("org.wayfarer.admin.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baomidou..", "org.apache.ibatis..",
                        "org.mybatis..")
                .check(admin);
    }

    /** Endpoints go through the engine's and the channel's services, not around them to their adapters. */
    @Test
    void neverReachesIntoOtherModulesInfrastructure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.wayfarer.journey.infra..",
                        "org.wayfarer.channel.wechat.infra..", "org.wayfarer.channel.wechat.account..",
                        "org.wayfarer.channel.wechat.callback..", "org.wayfarer.channel.wechat.send..")
                .check(admin);
    }

    /** Endpoints read and write through the engine's services (catalog, directory, statistics), never its stores. */
    @Test
    void controllersNeverUseEngineStoresDirectly() {
        noClasses().should().dependOnClassesThat(simpleNameEndingWith("Store")
                        .and(resideInAPackage("org.wayfarer.journey..")))
                .check(admin);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.wayfarer.admin.(*)..").should().beFreeOfCycles().check(admin);
    }
}
