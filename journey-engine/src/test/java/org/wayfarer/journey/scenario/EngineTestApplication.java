package org.wayfarer.journey.scenario;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.testing.MutableClock;

/** The engine as the product wires it (auto-configuration on H2), with a mutable clock and a recording channel. */
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

    /** A {@code wechat.template} channel that accepts everything and remembers what it was given. */
    static final class RecordingSender implements ChannelSender {

        final List<Delivery> sent = new CopyOnWriteArrayList<>();

        @Override
        public String channel() {
            return "wechat.template";
        }

        @Override
        public IdentityKind addressKind() {
            return IdentityKind.WECHAT_OPENID;
        }

        @Override
        public SendReceipt send(Delivery delivery) {
            sent.add(delivery);
            return new SendReceipt.Accepted("MSG-" + delivery.deliveryId());
        }

        List<Delivery> to(String openid) {
            return sent.stream().filter(d -> d.recipient().equals(openid)).toList();
        }
    }
}
