package org.wayfarer.journey.infra.mybatis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.dispatch.OutboxReceipt;
import org.wayfarer.journey.dispatch.OutboxStatus;

/**
 * The receipt statements of {@link MybatisOutbox}: one fixed prepared statement per receipt kind, run as a JDBC batch
 * of one execution per receipt, each conditional on its row still being SENDING under the lease the receipt names, so
 * a late receipt never overwrites what was decided after its lease ran out. Runs in the caller's transaction.
 * Thread-safe.
 */
final class OutboxSettlement {

    private static final int ERROR_MESSAGE_WIDTH = 500;

    /** The condition of every receipt statement; its parameters come last: id, owner, lease_until. */
    private static final String HELD = " WHERE id = ? AND status = 'SENDING' AND lease_owner = ? AND lease_until = ?";

    private static final String SENT = "UPDATE outbox SET status = 'SENT', lease_owner = NULL, lease_until = NULL,"
            + " updated_at = ?, provider_message_id = ?" + HELD;

    /** REJECTED or UNKNOWN: final, with the error. */
    private static final String FINAL = "UPDATE outbox SET status = ?, lease_owner = NULL, lease_until = NULL,"
            + " updated_at = ?, error_code = ?, error_message = ?" + HELD;

    /** Back to PENDING; the attempt stays counted. */
    private static final String RETRY = "UPDATE outbox SET status = 'PENDING', lease_owner = NULL, lease_until = NULL,"
            + " updated_at = ?, next_attempt_at = ?, error_code = ?, error_message = ?" + HELD;

    /**
     * Back to PENDING, the attempt given back, and the first attempt with it when it was the only one.
     * {@code first_attempt_at} is assigned before {@code attempts} on purpose: MySQL evaluates SET left to right with
     * the new values, H2 with the old ones; in this order both see the old {@code attempts}.
     */
    private static final String DEFERRED = "UPDATE outbox SET status = 'PENDING', lease_owner = NULL,"
            + " lease_until = NULL, updated_at = ?,"
            + " first_attempt_at = CASE WHEN attempts = 1 THEN NULL ELSE first_attempt_at END,"
            + " attempts = attempts - 1, next_attempt_at = ?, error_code = ?, error_message = ?" + HELD;

    /** Back to PENDING after an unknown outcome, one unknown attempt counted. */
    private static final String IN_DOUBT = "UPDATE outbox SET status = 'PENDING', lease_owner = NULL,"
            + " lease_until = NULL, updated_at = ?, unknown_attempts = unknown_attempts + 1, next_attempt_at = ?,"
            + " error_code = ?, error_message = ?" + HELD;

    /**
     * To the first fallback channel: PENDING, its channel, account, recipient and message, attempts afresh (the row
     * was never attempted on this channel), with why it left the one before.
     */
    private static final String FELL_THROUGH = "UPDATE outbox SET status = 'PENDING', lease_owner = NULL,"
            + " lease_until = NULL, updated_at = ?, channel = ?, account = ?, recipient = ?, payload_json = ?,"
            + " attempts = 0, unknown_attempts = 0, first_attempt_at = NULL, next_attempt_at = ?, error_code = ?,"
            + " error_message = ?" + HELD;

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    OutboxSettlement(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes the receipts, one batch per kind; returns how many applied. */
    int settle(String owner, List<OutboxReceipt> receipts, long at) {
        Map<OutboxReceipt.Kind, List<OutboxReceipt>> byKind = new EnumMap<>(OutboxReceipt.Kind.class);
        for (OutboxReceipt receipt : receipts) {
            byKind.computeIfAbsent(receipt.kind(), k -> new ArrayList<>()).add(receipt);
        }
        int applied = 0;
        for (Map.Entry<OutboxReceipt.Kind, List<OutboxReceipt>> group : byKind.entrySet()) {
            List<OutboxReceipt> batch = group.getValue();
            batch.sort(Comparator.comparingLong(OutboxReceipt::id)); // lock order as in OutboxLeases
            for (boolean changed : write(group.getKey(), batch, owner, at)) {
                applied += changed ? 1 : 0;
            }
        }
        return applied;
    }

    private boolean[] write(OutboxReceipt.Kind kind, List<OutboxReceipt> batch, String owner, long at) {
        return switch (kind) {
            case SENT -> JdbcBatch.update(jdbc, SENT, batch, (p, r) -> p.add(at).add(r.providerMessageId())
                    .add(r.id()).add(owner).add(r.leaseUntil().toEpochMilli()));
            case REJECTED, UNKNOWN -> {
                OutboxStatus status = kind == OutboxReceipt.Kind.REJECTED ? OutboxStatus.REJECTED : OutboxStatus.UNKNOWN;
                yield JdbcBatch.update(jdbc, FINAL, batch, (p, r) -> p.add(status.name()).add(at).add(r.code())
                        .add(clip(r.message())).add(r.id()).add(owner).add(r.leaseUntil().toEpochMilli()));
            }
            case FELL_THROUGH -> JdbcBatch.update(jdbc, FELL_THROUGH, batch, (p, r) -> p.add(at)
                    .add(r.fallback().channel()).add(r.fallback().account()).add(r.fallback().recipient())
                    .add(json.write(r.fallback().message())).add(r.nextAttemptAt().toEpochMilli()).add(r.code())
                    .add(clip(r.message())).add(r.id()).add(owner).add(r.leaseUntil().toEpochMilli()));
            case RETRY, DEFERRED, IN_DOUBT -> JdbcBatch.update(jdbc, pending(kind), batch, (p, r) -> p.add(at)
                    .add(r.nextAttemptAt().toEpochMilli()).add(r.code()).add(clip(r.message())).add(r.id())
                    .add(owner).add(r.leaseUntil().toEpochMilli()));
        };
    }

    private static String pending(OutboxReceipt.Kind kind) {
        return switch (kind) {
            case RETRY -> RETRY;
            case DEFERRED -> DEFERRED;
            case IN_DOUBT -> IN_DOUBT;
            default -> throw new IllegalArgumentException(kind + " does not put a row back to PENDING");
        };
    }

    private static String clip(String message) {
        return Columns.truncate(message, ERROR_MESSAGE_WIDTH);
    }
}
