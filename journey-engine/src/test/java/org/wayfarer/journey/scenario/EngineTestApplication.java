package org.wayfarer.journey.scenario;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.testing.MutableClock;
import org.wayfarer.journey.testing.RecordingSender;
import org.wayfarer.journey.testing.WindowedSender;

/**
 * The engine as the product wires it (auto-configuration on H2), with a mutable clock, a recording channel
 * ({@code wechat.template}) and one whose reach the scenarios control ({@code wechat.kefu}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EngineTestApplication {

    @Bean
    MutableClock clock() {
        return MutableClock.startingNow();
    }

    @Bean
    RecordingSender recordingSender() {
        return new RecordingSender();
    }

    /** {@code wechat.kefu}, its reach opened and closed by the scenarios. */
    @Bean
    WindowedSender kefuSender() {
        return new WindowedSender("wechat.kefu");
    }

    @Bean
    WindowedSender couponSender() {
        return new WindowedSender("wechat.coupon");
    }

    /** The scenarios' tenant owns the scenarios' official account, and nothing else is owned. */
    @Bean
    ChannelAccounts scenarioAccounts() {
        return new ChannelAccounts() {
            @Override
            public boolean owns(long tenantId, String channel, String account) {
                return tenantId == JourneyKit.TENANT && JourneyKit.APP.equalsIgnoreCase(account);
            }

            @Override
            public boolean covers(String channel) {
                return channel.startsWith("wechat.");
            }
        };
    }
}
