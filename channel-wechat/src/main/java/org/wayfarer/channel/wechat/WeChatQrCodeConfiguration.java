package org.wayfarer.channel.wechat;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.infra.mybatis.MybatisQrCodeStoreConfiguration;
import org.wayfarer.channel.wechat.qrcode.QrCodeJourneys;
import org.wayfarer.channel.wechat.qrcode.QrCodeProperties;
import org.wayfarer.channel.wechat.qrcode.QrCodeReissuer;
import org.wayfarer.channel.wechat.qrcode.QrCodeStore;
import org.wayfarer.channel.wechat.qrcode.QrCodeTally;
import org.wayfarer.channel.wechat.qrcode.QrCodes;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.infra.spring.PeriodicLifecycle;

/**
 * Scene QR codes, imported by {@link WeChatChannelConfiguration}: the {@link QrCodes} service, the tally the engine's
 * intake calls in its transaction (an {@code IntakeObserver} bean), the re-issue job and its schedule, and the
 * MyBatis-Plus store. Properties: {@link QrCodeProperties} ({@code wayfarer.wechat.qrcodes.*}). Besides the channel's
 * own beans it needs the engine's {@link JourneyStore}, to check that a code's journey is the tenant's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QrCodeProperties.class)
@Import(MybatisQrCodeStoreConfiguration.class)
public class WeChatQrCodeConfiguration {

    @Bean
    QrCodeJourneys qrCodeJourneys(JourneyStore journeys) {
        return (tenantId, journeyId) -> journeys.find(tenantId, journeyId).isPresent();
    }

    @Bean
    QrCodes qrCodes(QrCodeStore store, AccountStore accounts, WxMpServices services, QrCodeJourneys journeys,
                    IdGenerator ids, Clock clock, QrCodeProperties properties) {
        return new QrCodes(store, accounts, services, journeys, ids, clock, properties);
    }

    /** The engine's intake finds it as an {@code IntakeObserver} and calls it inside every write. */
    @Bean
    QrCodeTally qrCodeTally(QrCodeStore store) {
        return new QrCodeTally(store);
    }

    @Bean
    QrCodeReissuer qrCodeReissuer(QrCodeStore store, WxMpServices services, IdGenerator ids, Clock clock,
                                  QrCodeProperties properties) {
        return new QrCodeReissuer(store, services, ids, clock, properties);
    }

    @Bean
    PeriodicLifecycle qrCodeReissueLifecycle(QrCodeReissuer reissuer, QrCodeProperties properties) {
        return new PeriodicLifecycle("QR code re-issue", reissuer::reissueDue, properties.reissueInterval(),
                "the next start repeats it (codes still due are re-issued then)");
    }
}
