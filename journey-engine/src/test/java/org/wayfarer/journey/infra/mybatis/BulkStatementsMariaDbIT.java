package org.wayfarer.journey.infra.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;

/**
 * MariaDB with the driver's bulk batches on ({@code useBulkStmts=true}, not its default): the driver then answers
 * {@code SUCCESS_NO_INFO} for every row of a batch, and the stores, whose claims and versioned writes rely on per-row
 * counts, refuse it with a message naming the setting, writing nothing. In a schema of its own, dropped afterwards.
 */
@SpringBootTest(classes = StoresTestApplication.class)
class BulkStatementsMariaDbIT extends MybatisStoresTestBase {

    @RegisterExtension
    static final MariaDbSchema SCHEMA = new MariaDbSchema();

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry, "?useBulkStmts=true");
    }

    /** A batch of several rows: for a single row the driver sends a plain statement and reports its count. */
    @Test
    void refusesADriverThatReportsNoUpdateCountsAndWritesNothing() {
        Instant now = Instant.parse("2026-04-01T10:00:00Z");
        List<OutboxMessage> messages = new ArrayList<>();
        for (long id = 9_200_001L; id <= 9_200_003L; id++) {
            messages.add(new OutboxMessage(id, 7_003, id, 79, "welcome", 1, id, "wechat.template", "wx-app", "o" + id,
                    Map.of(), OutboxStatus.PENDING, 0, now, null, null, null, now, now));
        }
        outbox.insert(messages); // inserts need no counts
        List<Long> ids = messages.stream().map(OutboxMessage::id).toList();

        assertThatThrownBy(() -> outbox.lease(ids, "node-a", now, now.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("useBulkStmts");

        assertThat(ids).allSatisfy(id -> assertThat(outbox.find(id)).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(stored.attempts()).isZero();
        }));
    }
}
