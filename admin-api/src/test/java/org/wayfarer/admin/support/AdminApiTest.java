package org.wayfarer.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.wayfarer.admin.limits.AdminLimitsConfiguration;
import org.wayfarer.admin.security.SecurityConfiguration;
import org.wayfarer.journey.infra.spring.JourneyServicesConfiguration;
import org.wayfarer.journey.infra.spring.SegmentServicesConfiguration;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.menu.WeChatMenus;
import org.wayfarer.channel.wechat.qrcode.QrCodes;
import org.wayfarer.journey.event.EventIntake;

/**
 * A Spring MVC slice of the admin API: every controller and the problem advice, the real security configuration,
 * the real engine services on in-memory ports, the test API keys, and the stub compiler. WeChatAccounts,
 * KeywordReplies, WeChatMenus and QrCodes (another module's services) and the EventIntake (covered end to end by the
 * e2e tests) are Mockito mocks, reset after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({SecurityConfiguration.class, AdminLimitsConfiguration.class, JourneyServicesConfiguration.class,
        SegmentServicesConfiguration.class, InMemoryEngineConfiguration.class, TestKeys.class,
        StubCompilerConfiguration.class})
@MockitoBean(types = {WeChatAccounts.class, KeywordReplies.class, WeChatMenus.class, QrCodes.class,
        EventIntake.class})
public @interface AdminApiTest {
}
