package org.wayfarer.channel.wechat;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.WeChatChannelAccounts;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.callback.CallbackConfiguration;
import org.wayfarer.channel.wechat.callback.JaxpDefaults;
import org.wayfarer.channel.wechat.infra.mybatis.MybatisAccountStoreConfiguration;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.keyword.KeywordStore;
import org.wayfarer.channel.wechat.menu.WeChatMenus;
import org.wayfarer.channel.wechat.send.KefuWindows;
import org.wayfarer.channel.wechat.send.TemplateQuotaProperties;
import org.wayfarer.channel.wechat.send.WxMpCouponSender;
import org.wayfarer.channel.wechat.send.WxMpKefuSender;
import org.wayfarer.channel.wechat.send.WxMpSubscribeSender;
import org.wayfarer.channel.wechat.send.WxMpTemplateSender;
import org.wayfarer.channel.wechat.subscribe.ConsentLedger;
import org.wayfarer.channel.wechat.subscribe.ConsentStore;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;

/**
 * The WeChat official-account channel, for the application to import: {@link WeChatAccounts}, the callback endpoint
 * {@code GET|POST /callbacks/wechat/mp/{appId}}, the {@code wechat.template}, {@code wechat.kefu},
 * {@code wechat.coupon} and {@code wechat.subscribe} senders, the subscription-consent {@link ConsentLedger}, keyword
 * replies and custom menus, the engine's {@code ChannelAccounts} port for the {@code wechat.*} channels (which tenant
 * owns an AppID), the MyBatis-Plus stores, and scene QR codes ({@link WeChatQrCodeConfiguration}). Properties:
 * {@link WeChatProperties} ({@code wayfarer.wechat.*}).
 *
 * <p>Requires beans the application provides: a {@link SecretCipher} (e.g. the engine's {@code CryptoConfiguration}),
 * an {@link IdGenerator}, a {@link Clock}, the engine's {@code EventIntake}, {@code EventLog} and {@code Outbox} (the
 * kefu reply windows and the queued subscription sends are read from them), its {@code ContactResolver} (the
 * callback records subscription consent for the push's contact before handing the push on), its
 * {@code JourneyStore} (QR codes name journeys), and a MyBatis-Plus {@code DataSource} with the {@code sql} module's
 * schema. Wired explicitly rather than by component scan, so that classes on a test classpath never slip in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WeChatProperties.class, TemplateQuotaProperties.class})
@Import({MybatisAccountStoreConfiguration.class, CallbackConfiguration.class, WeChatQrCodeConfiguration.class})
public class WeChatChannelConfiguration {

    static {
        JaxpDefaults.pin();
    }

    @Bean
    AccountLookup weChatAccountLookup(AccountStore store, SecretCipher cipher) {
        return new AccountLookup(store, cipher);
    }

    @Bean(destroyMethod = "close")
    WxMpServices wxMpServices(AccountLookup lookup, WeChatProperties properties) {
        return new WxMpServices(lookup, properties);
    }

    @Bean
    WeChatAccounts weChatAccounts(AccountStore store, SecretCipher cipher, IdGenerator ids, Clock clock,
                                  WxMpServices services) {
        return new WeChatAccounts(store, cipher, ids, clock, services);
    }

    /** The engine asks this, at publish and before sends, whether a tenant may send through an official account. */
    @Bean
    WeChatChannelAccounts weChatChannelAccounts(AccountStore store) {
        return new WeChatChannelAccounts(store);
    }

    @Bean
    WxMpTemplateSender wxMpTemplateSender(WxMpServices services, TemplateQuotaProperties quotas) {
        return new WxMpTemplateSender(services, quotas);
    }

    @Bean
    WxMpKefuSender wxMpKefuSender(WxMpServices services, KefuWindows windows) {
        return new WxMpKefuSender(services, windows);
    }

    @Bean
    WeChatMenus weChatMenus(WeChatAccounts accounts, WxMpServices services) {
        return new WeChatMenus(accounts, services);
    }

    /** Keyword rules per account, answering followers' text messages inside the callback response. */
    @Bean
    KeywordReplies keywordReplies(KeywordStore store, WeChatAccounts accounts, Clock clock) {
        return new KeywordReplies(store, accounts, clock);
    }

    @Bean
    KefuWindows kefuWindows(EventLog events, Outbox outbox) {
        return new KefuWindows(events, outbox);
    }

    @Bean
    ConsentLedger weChatConsentLedger(ConsentStore store, Outbox outbox, IdGenerator ids, Clock clock) {
        return new ConsentLedger(store, outbox, ids, clock);
    }

    @Bean
    WxMpSubscribeSender wxMpSubscribeSender(WxMpServices services, ConsentLedger ledger) {
        return new WxMpSubscribeSender(services, ledger);
    }

    @Bean
    WxMpCouponSender wxMpCouponSender(WxMpKefuSender kefu, WxMpTemplateSender template, KefuWindows windows,
                                      Clock clock) {
        return new WxMpCouponSender(kefu, template, windows, clock);
    }
}
