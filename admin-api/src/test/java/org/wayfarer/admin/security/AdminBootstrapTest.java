package org.wayfarer.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.admin.tenant.TenantStore;

class AdminBootstrapTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String CONFIGURED = "my-configured-bootstrap-key-0123456789";

    private final Tenants tenants = new Tenants();
    private final TestKeys.InMemoryApiKeyStore keys = new TestKeys.InMemoryApiKeyStore();
    private final AtomicLong ids = new AtomicLong(100);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    /** The root logger: whatever any logger writes, an appender shipping logs elsewhere would see. */
    private final Logger logger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void createsDefaultTenantOnce() {
        bootstrap(null).bootstrap();
        bootstrap(null).bootstrap();

        assertThat(tenants.names).containsExactly(Map.entry(1L, "default"));
        assertThat(tenants.creations).isEqualTo(1);
    }

    @Test
    void generatesAdminKeyAndPrintsItOnlyOnce() {
        Optional<String> generated = bootstrap(null).bootstrap();

        assertThat(generated).isPresent();
        String key = generated.get();
        ApiKey stored = keys.findByHash(ApiKeys.hash(key)).orElseThrow();
        assertThat(stored.tenantId()).isEqualTo(1);
        assertThat(stored.role()).isEqualTo(Role.ADMIN);
        assertThat(stored.active()).isTrue();
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.id()).isEqualTo(100);
        assertThat(stored.keyPrefix()).isEqualTo(key.substring(0, 7));
        assertThat(printed(key)).isEqualTo(1);

        assertThat(bootstrap(null).bootstrap()).as("restart").isEmpty();
        assertThat(printed(key)).isEqualTo(1);
        assertThat(logged(key)).isZero();
    }

    @Test
    void neverWritesTheGeneratedKeyThroughTheLogger() {
        String key = bootstrap(null).bootstrap().orElseThrow();

        assertThat(logged(key)).isZero();
        assertThat(logs.list).as("the log says a key was printed, without the key")
                .anyMatch(e -> e.getFormattedMessage().contains("printed once to the console"));
        assertThat(printed(key)).isEqualTo(1);
    }

    @Test
    void printsTheGeneratedKeyInsideAOneTimeBanner() {
        String key = bootstrap(null).bootstrap().orElseThrow();

        assertThat(consoleText()).contains("shown only this once", "    " + key + System.lineSeparator(),
                "Authorization: Bearer <key>", "wayfarer.admin.bootstrap-key");
    }

    @Test
    void storesConfiguredKeyHashedAndNeverPrintsIt() {
        assertThat(bootstrap(CONFIGURED).bootstrap()).isEmpty();

        ApiKey stored = keys.findByHash(ApiKeys.hash(CONFIGURED)).orElseThrow();
        assertThat(stored.tenantId()).isEqualTo(1);
        assertThat(stored.role()).isEqualTo(Role.ADMIN);
        assertThat(stored.keyHash()).doesNotContain(CONFIGURED);
        assertThat(printed(CONFIGURED)).isZero();
        assertThat(logged(CONFIGURED)).isZero();
    }

    @Test
    void keepsConfiguredKeyIdempotentAcrossRestarts() {
        bootstrap(CONFIGURED).bootstrap();
        bootstrap(CONFIGURED).bootstrap();

        assertThat(ids.get()).as("one key inserted").isEqualTo(101);
    }

    @Test
    void addsConfiguredKeyEvenWhenTheTenantHasOtherKeys() {
        String generated = bootstrap(null).bootstrap().orElseThrow();

        bootstrap(CONFIGURED).bootstrap();

        assertThat(keys.findByHash(ApiKeys.hash(CONFIGURED))).isPresent();
        assertThat(keys.findByHash(ApiKeys.hash(generated))).isPresent();
    }

    @Test
    void generatesNothingWhenTheTenantAlreadyHasAKey() {
        keys.insert(new ApiKey(5, 1, "existing", "", ApiKeys.hash("some-existing-key"), Role.VIEWER, NOW, NOW));

        assertThat(bootstrap(null).bootstrap()).isEmpty();
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("Generated an ADMIN API key"));
        assertThat(consoleText()).isEmpty();
    }

    @Test
    void doesNotReviveARevokedConfiguredKey() {
        keys.insert(new ApiKey(5, 1, "bootstrap", "", ApiKeys.hash(CONFIGURED), Role.ADMIN, NOW, NOW.plusSeconds(1)));

        bootstrap(CONFIGURED).bootstrap();

        assertThat(keys.findByHash(ApiKeys.hash(CONFIGURED)).orElseThrow().active()).isFalse();
        assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("revoked"));
        assertThat(printed(CONFIGURED)).isZero();
        assertThat(logged(CONFIGURED)).isZero();
    }

    @Test
    void treatsBlankConfiguredKeyAsUnset() {
        assertThat(bootstrap("  ").bootstrap()).isPresent();
    }

    private AdminBootstrap bootstrap(String configuredKey) {
        return new AdminBootstrap(tenants, keys, ids::getAndIncrement, clock, new AdminProperties(configuredKey),
                new SecureRandom(), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** How often the key appeared on the console. */
    private long printed(String key) {
        return consoleText().split(Pattern.quote(key), -1).length - 1;
    }

    /** How many log events mention the key: there must never be one. */
    private long logged(String key) {
        return logs.list.stream().filter(e -> e.getFormattedMessage().contains(key)).count();
    }

    private String consoleText() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static final class Tenants implements TenantStore {

        final Map<Long, String> names = new HashMap<>();
        int creations;

        @Override
        public boolean createIfAbsent(long tenantId, String name, Instant createdAt) {
            if (names.containsKey(tenantId)) {
                return false;
            }
            names.put(tenantId, name);
            creations++;
            return true;
        }
    }
}
