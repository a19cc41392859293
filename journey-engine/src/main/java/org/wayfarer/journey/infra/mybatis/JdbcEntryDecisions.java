package org.wayfarer.journey.infra.mybatis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.runtime.EntryDecision;
import org.wayfarer.journey.runtime.EntryDecisions;

/**
 * {@link EntryDecisions} on the {@code journey_entry_decision} table, one row per (contact, journey), replaced in
 * place: one JDBC batch of upserts per processing batch, in key order so concurrent batches lock rows in the same
 * order. Thread-safe; joins the caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class JdbcEntryDecisions implements EntryDecisions {

    private static final int DETAIL = 255;
    private static final Comparator<EntryDecision> KEY_ORDER = Comparator.comparingLong(EntryDecision::contactId)
            .thenComparingLong(EntryDecision::journeyId);

    /** MySQL syntax that H2 accepts in MySQL mode. */
    private static final String UPSERT = """
            INSERT INTO journey_entry_decision (tenant_id, contact_id, journey_id, journey_version, event_id,
                                                event_type, decision, detail, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE journey_version = VALUES(journey_version), event_id = VALUES(event_id),
                event_type = VALUES(event_type), decision = VALUES(decision), detail = VALUES(detail),
                decided_at = VALUES(decided_at)
            """;

    private final JdbcTemplate jdbc;

    public JdbcEntryDecisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(List<EntryDecision> decisions) {
        List<EntryDecision> ordered = new ArrayList<>(decisions);
        ordered.sort(KEY_ORDER);
        JdbcBatch.run(jdbc, UPSERT, ordered, (p, d) -> p.add(d.tenantId()).add(d.contactId()).add(d.journeyId())
                .add(d.journeyVersion()).add(d.eventId()).add(d.eventType()).add(d.reason().name())
                .add(Columns.truncate(d.detail(), DETAIL)).add(d.at().toEpochMilli()));
    }

    @Override
    public List<EntryDecision> forContact(long tenantId, long contactId) {
        return jdbc.query("SELECT tenant_id, contact_id, journey_id, journey_version, event_id, event_type, decision,"
                        + " detail, decided_at FROM journey_entry_decision WHERE contact_id = ? AND tenant_id = ?"
                        + " ORDER BY decided_at DESC, journey_id",
                (rs, row) -> new EntryDecision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5), rs.getString(6), EntryDecision.Reason.valueOf(rs.getString(7)),
                        rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))),
                contactId, tenantId);
    }
}
