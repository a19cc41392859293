package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.StoredAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The engine's dispatcher with the real template sender against a fake WeChat that de-duplicates client_msg_id, as
 * WeChat does: a send whose answer came too late is repeated with the same client_msg_id and delivered once.
 */
class TemplateExactlyOnceIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private FakeWeChatServer wechat;
    private WxMpServices services;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        store.insert(new StoredAccount(1, 5, APP_ID, "Shop", cipher.encrypt("app-secret"), cipher.encrypt("token1"),
                null, clock.instant(), clock.instant()));
        services = new WxMpServices(new AccountLookup(store, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(READ_TIMEOUT).withConnectTimeout(READ_TIMEOUT));
        ChannelAccounts tenantFive = new ChannelAccounts() {
            @Override
            public boolean owns(long tenantId, String channel, String account) {
                return tenantId == 5 && APP_ID.equals(account);
            }

            @Override
            public boolean covers(String channel) {
                return true;
            }
        };
        dispatcher = new OutboxDispatcher(outbox, new ChannelSenders(List.of(new WxMpTemplateSender(services))),
                new AccountOwnership(List.of(tenantFive)), (channel, account) -> Duration.ZERO, Runnable::run, clock,
                new OutboxDispatcher.Settings("node-a", Duration.ofMinutes(1), 8, 100, 4));
    }

    @AfterEach
    void tearDown() {
        services.close();
        wechat.close();
    }

    @Test
    void aReadTimeoutIsRepeatedWithTheSameClientMsgIdAndDeliveredOnce() {
        wechat.answerNextTemplateSendsLate(1, READ_TIMEOUT.multipliedBy(10));
        outbox.insert(List.of(new OutboxMessage(4711, 5, 10, 20, "welcome", 1, 30, "wechat.template", APP_ID,
                "oFOLLOWER", Map.of("templateId", "TPL_WELCOME"), OutboxStatus.PENDING, 0, clock.instant(), null,
                null, null, clock.instant(), clock.instant())));

        dispatcher.dispatchSoon(List.of(4711L));
        assertThat(outbox.find(4711).orElseThrow().status()).as("no answer: in doubt, to be repeated")
                .isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofSeconds(5));
        dispatcher.sweep();

        assertThat(wechat.templateCalls()).extracting(TemplateSend::clientMsgId).containsExactly("4711", "4711");
        assertThat(wechat.templateSends()).as("delivered").singleElement()
                .extracting(TemplateSend::toUser).isEqualTo("oFOLLOWER");
        OutboxMessage row = outbox.find(4711).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.providerMessageId()).isEqualTo(String.valueOf(wechat.templateSends().get(0).msgId()));
        assertThat(row.attempts()).isEqualTo(2);
    }
}
