package org.wayfarer.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.channel.wechat.send.WxMpTemplateSender;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;

/** The channel as the application wires it: properties, beans, and {@code wayfarer.wechat.api-base-url} in effect. */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:wechat-wiring;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa"})
@DirtiesContext
class WeChatChannelConfigurationIT {

    private static final FakeWeChatServer WECHAT = FakeWeChatServer.start();

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("wayfarer.wechat.api-base-url", () -> WECHAT.baseUrl() + "/");
        registry.add("wayfarer.wechat.read-timeout", () -> "3s");
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.close();
    }

    @Autowired
    WeChatAccounts accounts;
    @Autowired
    WeChatProperties properties;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    ChannelAccounts channelAccounts;

    @Test
    void bindsPropertiesWithDefaults() {
        assertThat(properties.apiBaseUrl()).isEqualTo(WECHAT.baseUrl());
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.maxCallbackBytes()).isEqualTo(1_048_576);
        assertThat(properties.timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.maxConnectionsPerHost()).isEqualTo(100);
    }

    @Test
    void sendsThroughTheConfiguredApiBaseUrl() {
        accounts.connect(3, new ConnectAccount("wx00000000000000c3", "Shop", "secret", "token3", null));

        assertThat(senders).extracting(ChannelSender::channel).containsExactlyInAnyOrder("wechat.template",
                "wechat.kefu", "wechat.coupon", "wechat.subscribe");
        ChannelSender sender = senders.stream().filter(s -> s.channel().equals("wechat.template")).findFirst()
                .orElseThrow();
        SendReceipt receipt = sender.send(new Delivery(31, 3, "wechat.template", "wx00000000000000c3", "oOPENID",
                Map.of("templateId", "TPL")));

        assertThat(sender).isInstanceOf(WxMpTemplateSender.class);
        assertThat(receipt).isInstanceOf(SendReceipt.Accepted.class);
        assertThat(WECHAT.templateSends()).singleElement()
                .satisfies(send -> assertThat(send.clientMsgId()).isEqualTo("31"));
    }

    @Test
    void tellsTheEngineWhichTenantOwnsAnAccountTheMomentItIsConnected() {
        assertThat(channelAccounts.owns(4, "wechat.template", "wx00000000000000d4")).isFalse();

        accounts.connect(4, new ConnectAccount("WX00000000000000D4", "Shop", "secret", "token4", null));

        assertThat(channelAccounts.owns(4, "wechat.template", "wx00000000000000d4")).isTrue();
        assertThat(channelAccounts.owns(4, "wechat.kefu", "WX00000000000000D4")).isTrue();
        assertThat(channelAccounts.owns(5, "wechat.template", "wx00000000000000d4")).isFalse();
    }

    @Test
    void defaultsToTheRealWeChatHosts() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> {
                    WeChatProperties defaults = context.getBean(WeChatProperties.class);
                    assertThat(defaults).isEqualTo(WeChatProperties.defaults(null));
                });
    }

    @EnableConfigurationProperties(WeChatProperties.class)
    static class PropertiesOnly {
    }
}
