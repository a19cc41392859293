package org.wayfarer.channel.wechat.testapp;

import org.wayfarer.journey.testing.MutableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.wayfarer.channel.wechat.WeChatChannelConfiguration;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.infra.spring.JourneyEngineAutoConfiguration;
import org.wayfarer.journey.testing.InMemoryJourneyStore;

/**
 * The channel inside a minimal Boot application: auto-configured DataSource, Flyway (the {@code sql} module's
 * migrations) and MyBatis-Plus, plus the beans the application would provide (clock, ids, cipher, event intake, the
 * journey store QR codes check journeys in). The engine itself is left out: the channel is tested against a
 * recording intake and an in-memory journey store.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = JourneyEngineAutoConfiguration.class)
@Import(WeChatChannelConfiguration.class)
public class WeChatTestApplication {

    /** The fixed test key of the SecretCipher (32 bytes, base64). */
    public static final String CIPHER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    /** Where the mutable clock starts. */
    public static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }

    @Bean
    IdGenerator idGenerator() {
        AtomicLong next = new AtomicLong(1_000);
        return next::incrementAndGet;
    }

    @Bean
    SecretCipher secretCipher() {
        return SecretCipher.fromBase64Key(CIPHER_KEY);
    }

    @Bean
    RecordingEventIntake eventIntake() {
        return new RecordingEventIntake();
    }

    @Bean
    InMemoryJourneyStore journeyStore() {
        return new InMemoryJourneyStore();
    }
}
