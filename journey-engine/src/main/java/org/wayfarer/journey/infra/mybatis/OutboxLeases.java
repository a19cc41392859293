package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.dispatch.OutboxClaim;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;

/**
 * The claim statements of {@link MybatisOutbox}, as JDBC batches of one fixed conditional UPDATE per row
 * ({@link JdbcBatch#update}): each row's update count says whether this claim took it, so only claimed rows are read back, and rows this node inserted and
 * still holds in memory are not read back at all. Rows are updated in ascending id order, as a multi-row UPDATE of an
 * id list would lock them, so two claims (or a claim and a receipt batch) do not lock the same rows in opposite
 * orders. Runs in the caller's transaction. Thread-safe.
 */
final class OutboxLeases {

    /** Ids per read-back statement. */
    private static final int IDS_PER_READ = 1000;

    private static final String CLAIM = """
            UPDATE outbox
               SET status = 'SENDING', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                   first_attempt_at = COALESCE(first_attempt_at, ?), updated_at = ?
             WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?
            """;

    /**
     * Claims a row only while every column a claim reports is still as inserted (no attempt, no unknown outcome, no
     * error, the inserted due time): then what the caller holds in memory is what the row holds, and the claim needs
     * no read-back. Whatever an earlier claim did to the row (a deferral included) changes one of them.
     */
    private static final String CLAIM_AS_INSERTED = """
            UPDATE outbox
               SET status = 'SENDING', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                   first_attempt_at = ?, updated_at = ?
             WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ? AND attempts = ?
               AND first_attempt_at IS NULL AND unknown_attempts = 0 AND error_code IS NULL AND error_message IS NULL
            """;

    private static final String COLUMNS = "id, tenant_id, instance_id, journey_id, node_id, seq, contact_id, channel,"
            + " account, recipient, payload_json, status, attempts, next_attempt_at, provider_message_id, error_code,"
            + " error_message, created_at, updated_at, lease_until, first_attempt_at, unknown_attempts";

    private static final Comparator<OutboxClaim> OLDEST_DUE_FIRST = Comparator
            .comparing((OutboxClaim c) -> c.message().nextAttemptAt()).thenComparingLong(OutboxClaim::id);

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    OutboxLeases(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims the due PENDING rows of {@code ids} and reads back the ones this claim took, oldest due first. */
    List<OutboxClaim> byId(List<Long> ids, String owner, long now, long leaseUntil) {
        List<Long> distinct = ids.stream().distinct().sorted().toList();
        boolean[] changed = JdbcBatch.update(jdbc, CLAIM, distinct, (p, id) -> p.add(owner).add(leaseUntil)
                .add(now).add(now).add(id).add(now));
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                taken.add(distinct.get(i));
            }
        }
        List<OutboxClaim> claimed = readBack(taken, owner, leaseUntil);
        claimed.sort(OLDEST_DUE_FIRST);
        return claimed;
    }

    /**
     * Claims rows this node inserted, from the messages it holds: a row still as inserted is claimed without being
     * read; the others (claimed and settled back to PENDING meanwhile) go through {@link #byId}, so every claim
     * carries what the database holds. Oldest due first.
     */
    List<OutboxClaim> asInserted(List<OutboxMessage> inserted, String owner, long now, long leaseUntil) {
        List<OutboxMessage> due = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (OutboxMessage m : inserted) {
            if (m.nextAttemptAt().toEpochMilli() <= now && seen.add(m.id())) {
                due.add(m);
            }
        }
        due.sort(Comparator.comparingLong(OutboxMessage::id));
        boolean[] changed = JdbcBatch.update(jdbc, CLAIM_AS_INSERTED, due, (p, m) -> p.add(owner).add(leaseUntil)
                .add(now).add(now).add(m.id()).add(m.nextAttemptAt().toEpochMilli()).add(m.attempts()));
        List<OutboxClaim> claimed = new ArrayList<>(due.size());
        List<Long> changedSince = new ArrayList<>();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                claimed.add(OutboxClaim.firstOf(due.get(i), owner, instant(now), instant(leaseUntil)));
            } else {
                changedSince.add(due.get(i).id());
            }
        }
        if (!changedSince.isEmpty()) {
            claimed.addAll(byId(changedSince, owner, now, leaseUntil));
        }
        claimed.sort(OLDEST_DUE_FIRST);
        return claimed;
    }

    /** The rows of {@code ids} held under the lease (owner, lease_until), which names one claim. */
    private List<OutboxClaim> readBack(List<Long> ids, String owner, long leaseUntil) {
        List<OutboxClaim> claimed = new ArrayList<>(ids.size());
        Columns.inChunks(ids, IDS_PER_READ, chunk -> {
            List<Object> args = new ArrayList<>(chunk);
            args.add(owner);
            args.add(leaseUntil);
            claimed.addAll(jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE id IN (" + Columns.placeholders(
                    chunk.size()) + ") AND status = 'SENDING' AND lease_owner = ? AND lease_until = ?",
                    (rs, n) -> claim(rs, owner), args.toArray()));
        });
        return claimed;
    }

    private OutboxClaim claim(ResultSet rs, String owner) throws SQLException {
        OutboxMessage message = new OutboxMessage(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("instance_id"),
                rs.getLong("journey_id"), rs.getString("node_id"), rs.getInt("seq"), rs.getLong("contact_id"),
                rs.getString("channel"), rs.getString("account"), rs.getString("recipient"),
                json.read(rs.getString("payload_json")), OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs.getLong("next_attempt_at")), rs.getString("provider_message_id"),
                rs.getString("error_code"), rs.getString("error_message"), instant(rs.getLong("created_at")),
                instant(rs.getLong("updated_at")));
        return new OutboxClaim(message, owner, instant(rs.getLong("lease_until")),
                instant(rs.getLong("first_attempt_at")), rs.getInt("unknown_attempts"));
    }
}
