package org.wayfarer.bench.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.bench.probe.CountingDataSource;
import org.wayfarer.bench.probe.JdbcCounts;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * The engine as the server wires it (its auto-configuration; the server's {@code application.yml} from the admin-api
 * jar supplies the same H2 URL and pool), without the web layer or the WeChat module: a {@code wechat.template}
 * sender that accepts every delivery at once, and an account owned by the bench tenant. Every JDBC call is counted.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EngineBenchApplication {

    static final long TENANT = 1;
    static final String APP = "wx00000000000be0c1";

    @Bean
    NoOpTemplateSender noOpTemplateSender() {
        return new NoOpTemplateSender();
    }

    @Bean
    JdbcCounts jdbcCounts() {
        return new JdbcCounts();
    }

    @Bean
    static BeanPostProcessor countingDataSource(ObjectProvider<JdbcCounts> counts) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(dataSource, counts.getObject()) : bean;
            }
        };
    }

    @Bean
    ChannelAccounts benchAccounts() {
        return new ChannelAccounts() {
            @Override
            public boolean owns(long tenantId, String channel, String account) {
                return tenantId == TENANT && APP.equalsIgnoreCase(account);
            }

            @Override
            public boolean covers(String channel) {
                return channel.startsWith("wechat.");
            }
        };
    }

    /**
     * The template channel with the provider call taken out: what the engine costs without WeChat. It declares the
     * real template sender's idempotency window ({@code client_msg_id}), so its rows are handled as template rows are.
     */
    static final class NoOpTemplateSender implements ChannelSender {

        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong lastSentNanos = new AtomicLong();

        @Override
        public String channel() {
            return "wechat.template";
        }

        @Override
        public IdentityKind addressKind() {
            return IdentityKind.WECHAT_OPENID;
        }

        @Override
        public Duration idempotencyWindow() {
            return Duration.ofMinutes(8); // as WxMpTemplateSender declares
        }

        @Override
        public SendReceipt send(Delivery delivery) {
            lastSentNanos.set(System.nanoTime());
            sent.incrementAndGet();
            return new SendReceipt.Accepted("noop-" + delivery.deliveryId());
        }

        long sent() {
            return sent.get();
        }

        long lastSentNanos() {
            return lastSentNanos.get();
        }
    }
}
