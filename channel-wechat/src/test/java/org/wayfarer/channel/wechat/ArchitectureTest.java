package org.wayfarer.channel.wechat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.Test;

/** The channel's shape (docs/architecture/overview.md) and the WxJava traps it must stay clear of. */
class ArchitectureTest {

    private final JavaClasses channel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wayfarer.channel.wechat");

    @Test
    void onlyInfraTouchesMybatis() {
        noClasses().that().resideOutsideOfPackage("org.wayfarer.channel.wechat.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baomidou..", "org.apache.ibatis..",
                        "org.mybatis..")
                .check(channel);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.wayfarer.channel.wechat.(*)..").should().beFreeOfCycles().check(channel);
    }

    /** switchover() leaves a ThreadLocal on pooled threads; every call resolves the account's own service. */
    @Test
    void neverSwitchesAccountsOnASharedService() {
        noClasses().should().callMethod(WxMpService.class, "switchover", String.class)
                .orShould().callMethod(WxMpService.class, "switchoverTo", String.class)
                .check(channel);
    }

    /** The router deduplicates in JVM memory before the handler runs: dedupe is the event log's unique key. */
    @Test
    void neverRoutesCallbacksThroughTheInMemoryRouter() {
        noClasses().should().dependOnClassesThat().areAssignableTo(WxMpMessageRouter.class).check(channel);
    }
}
