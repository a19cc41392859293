package org.wayfarer.journey.infra.mybatis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final int IDS_PER_READ = 1000;

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

    private final JdbcTemplate jdbc;

    OutboxSettlement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the receipts, one batch per kind; returns how many applied. Where the driver does not report a
     * receipt's update count, the receipt counts as applied if its row is found in the state that receipt writes
     * (its status, written at {@code at}, lease cleared).
     */
    int settle(String owner, List<OutboxReceipt> receipts, long at) {
        Map<OutboxReceipt.Kind, List<OutboxReceipt>> byKind = new EnumMap<>(OutboxReceipt.Kind.class);
        for (OutboxReceipt receipt : receipts) {
            byKind.computeIfAbsent(receipt.kind(), k -> new ArrayList<>()).add(receipt);
        }
        int applied = 0;
        Map<OutboxStatus, List<Long>> unanswered = new EnumMap<>(OutboxStatus.class);
        for (Map.Entry<OutboxReceipt.Kind, List<OutboxReceipt>> group : byKind.entrySet()) {
            List<OutboxReceipt> batch = group.getValue();
            batch.sort(Comparator.comparingLong(OutboxReceipt::id)); // lock order as in OutboxLeases
            Boolean[] changed = write(group.getKey(), batch, owner, at);
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] == null) {
                    unanswered.computeIfAbsent(target(group.getKey()), k -> new ArrayList<>()).add(batch.get(i).id());
                } else if (changed[i]) {
                    applied++;
                }
            }
        }
        for (Map.Entry<OutboxStatus, List<Long>> group : unanswered.entrySet()) {
            applied += writtenAt(group.getValue(), group.getKey(), at);
        }
        return applied;
    }

    private Boolean[] write(OutboxReceipt.Kind kind, List<OutboxReceipt> batch, String owner, long at) {
        return switch (kind) {
            case SENT -> JdbcBatch.update(jdbc, SENT, batch, (p, r) -> p.add(at).add(r.providerMessageId())
                    .add(r.id()).add(owner).add(r.leaseUntil().toEpochMilli()));
            case REJECTED, UNKNOWN -> JdbcBatch.update(jdbc, FINAL, batch, (p, r) -> p.add(target(kind).name())
                    .add(at).add(r.code()).add(clip(r.message())).add(r.id()).add(owner)
                    .add(r.leaseUntil().toEpochMilli()));
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

    /** How many of the rows are in {@code status}, written at {@code at}, with the lease cleared. */
    private int writtenAt(List<Long> ids, OutboxStatus status, long at) {
        Set<Long> found = new HashSet<>();
        Columns.inChunks(ids, IDS_PER_READ, chunk -> {
            Object[] args = new Object[chunk.size() + 2];
            for (int i = 0; i < chunk.size(); i++) {
                args[i] = chunk.get(i);
            }
            args[chunk.size()] = status.name();
            args[chunk.size() + 1] = at;
            found.addAll(jdbc.queryForList("SELECT id FROM outbox WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ") AND status = ? AND updated_at = ? AND lease_until IS NULL", Long.class, args));
        });
        return found.size();
    }

    private static OutboxStatus target(OutboxReceipt.Kind kind) {
        return switch (kind) {
            case SENT -> OutboxStatus.SENT;
            case REJECTED -> OutboxStatus.REJECTED;
            case UNKNOWN -> OutboxStatus.UNKNOWN;
            case RETRY, DEFERRED, IN_DOUBT -> OutboxStatus.PENDING;
        };
    }

    private static String clip(String message) {
        return Columns.truncate(message, ERROR_MESSAGE_WIDTH);
    }
}
