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
import org.wayfarer.channel.wechat.send.WxMpTemplateSender;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.crypto.SecretCipher;

/**
 * The WeChat official-account channel, for the application to import: {@link WeChatAccounts}, the callback endpoint
 * {@code GET|POST /callbacks/wechat/mp/{appId}}, the {@code wechat.template} sender, the engine's
 * {@code ChannelAccounts} port for the {@code wechat.*} channels (which tenant owns an AppID), the MyBatis-Plus
 * account store, and scene QR codes ({@link WeChatQrCodeConfiguration}). Properties: {@link WeChatProperties}
 * ({@code wayfarer.wechat.*}).
 *
 * <p>Requires beans the application provides: a {@link SecretCipher} (e.g. the engine's {@code CryptoConfiguration}),
 * an {@link IdGenerator}, a {@link Clock}, the engine's {@code EventIntake} and {@code JourneyStore}, and a
 * MyBatis-Plus {@code DataSource} with the {@code sql} module's schema. Wired explicitly rather than by component
 * scan, so that classes on a test classpath never slip in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
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
    WxMpTemplateSender wxMpTemplateSender(WxMpServices services) {
        return new WxMpTemplateSender(services);
    }
}
