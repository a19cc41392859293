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
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.infra.spring.JourneyEngineAutoConfiguration;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryJourneyStore;
import org.wayfarer.journey.testing.InMemoryOutbox;

/**
 * The channel inside a minimal Boot application: auto-configured DataSource, Flyway (the {@code sql} module's
 * migrations) and MyBatis-Plus, plus the beans the application would provide (clock, ids, cipher, event intake,
 * and in memory the engine's event log and outbox the kefu and subscription senders read, its contact resolver,
 * which the callback asks for the contact of a subscription push, and the journey store QR codes check journeys
 * in). The engine itself is left out: the channel is tested against a recording intake.
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

    /** What the kefu sender reads reply windows from. */
    @Bean
    InMemoryEventLog eventLog() {
        return new InMemoryEventLog();
    }

    @Bean
    InMemoryOutbox outbox() {
        return new InMemoryOutbox();
    }

    @Bean
    InMemoryContactStore contactStore() {
        return new InMemoryContactStore();
    }

    @Bean
    ContactResolver contactResolver(InMemoryContactStore contacts, IdGenerator ids, MutableClock clock) {
        return new ContactResolver(contacts, new DirectTransactions(), ids, clock);
    }

    @Bean
    InMemoryJourneyStore journeyStore() {
        return new InMemoryJourneyStore();
    }
}
