package org.wayfarer.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.wayfarer.admin.support.EmbeddedDatabaseConfiguration;
import org.wayfarer.admin.tenant.TenantStore;

/**
 * First start against a real (H2) database: tenant 1 and a generated key appear, the key authenticates, only its
 * hash is stored, and a second start changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = EmbeddedDatabaseConfiguration.URL_PROPERTY)
class AdminBootstrapIT {

    /** Only the persistence part, not the whole application. */
    @Configuration(proxyBeanMethods = false)
    @Import(EmbeddedDatabaseConfiguration.class)
    static class Persistence {
    }

    private static final String CONFIGURED = "configured-bootstrap-key-for-the-it-0123";

    @Autowired
    private TenantStore tenants;
    @Autowired
    private ApiKeyStore keys;
    @Autowired
    private JdbcTemplate jdbc;

    private final AtomicLong ids = new AtomicLong(1000);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM api_key");
        jdbc.update("DELETE FROM tenant");
    }

    @Test
    void firstStartCreatesTenantAndAWorkingAdminKeyStoredOnlyAsHash() {
        String generated = bootstrap(null).bootstrap().orElseThrow();

        assertThat(jdbc.queryForObject("SELECT name FROM tenant WHERE tenant_id = 1", String.class))
                .isEqualTo("default");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Integer.class,
                ApiKeys.hash(generated))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ? OR key_prefix = ?",
                Integer.class, generated, generated)).isZero();

        Authentication authenticated = new ApiKeyAuthenticationProvider(keys)
                .authenticate(ApiKeyAuthentication.unauthenticated(generated));
        assertThat(authenticated.getPrincipal()).isEqualTo(new ApiCaller(1, 1000, Role.ADMIN));
        assertThat(authenticated.isAuthenticated()).isTrue();

        assertThat(bootstrap(null).bootstrap()).as("second start").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void printsTheGeneratedKeyOnStandardOutputAndNeverLogsIt(CapturedOutput output) {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        String generated;
        try {
            generated = bootstrap(null).bootstrap().orElseThrow();
        } finally {
            root.detachAppender(logs);
        }

        assertThat(output.getOut()).contains(generated);
        assertThat(logs.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(generated));
    }

    @Test
    void configuredKeyAuthenticatesAndWrongKeysDoNot() {
        bootstrap(CONFIGURED).bootstrap();
        ApiKeyAuthenticationProvider provider = new ApiKeyAuthenticationProvider(keys);

        assertThat(provider.authenticate(ApiKeyAuthentication.unauthenticated(CONFIGURED)).getPrincipal())
                .isInstanceOfSatisfying(ApiCaller.class, caller -> {
                    assertThat(caller.tenantId()).isEqualTo(1);
                    assertThat(caller.role()).isEqualTo(Role.ADMIN);
                });
        assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.unauthenticated(CONFIGURED + "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private AdminBootstrap bootstrap(String configured) {
        return new AdminBootstrap(tenants, keys, ids::getAndIncrement, clock, new AdminProperties(configured));
    }
}
