package org.wayfarer.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN section 1: the engine owns its ports; technologies stay in infra/. */
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

    @Test
    void engineNeverImportsChannelOrAdminModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.wayfarer.channel..", "org.wayfarer.admin..")
                .check(engine);
    }
}
