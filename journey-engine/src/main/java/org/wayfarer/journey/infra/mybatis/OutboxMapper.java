package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The {@code outbox} table. Every status change is conditional on the current status, so two dispatchers never act on
 * one row. Public only so the Spring wiring can hand it to the adapter.
 */
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    /**
     * Locks up to {@code limit} due PENDING rows, oldest due first, skipping rows other transactions hold; see
     * {@link JourneyInstanceMapper#lockDueIds} for how H2 and MariaDB differ.
     */
    @Select("""
            SELECT id FROM outbox
             WHERE status = 'PENDING' AND next_attempt_at <= #{now}
             ORDER BY next_attempt_at, id
             LIMIT #{limit}
               FOR UPDATE SKIP LOCKED
            """)
    List<Long> lockDueIds(@Param("now") long now, @Param("limit") int limit);

    /**
     * Leases the listed rows that are still due PENDING: one attempt counted, {@code first_attempt_at} stamped on the
     * first one. Read the claimed rows back by (owner, lease_until), which the dispatcher keeps unique per claim.
     */
    @Update("""
            <script>
            UPDATE outbox
               SET status = 'SENDING', lease_owner = #{owner}, lease_until = #{leaseUntil}, attempts = attempts + 1,
                   first_attempt_at = COALESCE(first_attempt_at, #{now}), updated_at = #{now}
             WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND status = 'PENDING' AND next_attempt_at &lt;= #{now}
            </script>
            """)
    int claimAll(@Param("ids") List<Long> ids, @Param("owner") String owner, @Param("now") long now,
                 @Param("leaseUntil") long leaseUntil);

    @Update("""
            UPDATE outbox SET lease_until = #{newLeaseUntil}
             WHERE id = #{id} AND status = 'SENDING' AND lease_owner = #{owner} AND lease_until = #{heldUntil}
            """)
    int renewLease(@Param("id") long id, @Param("owner") String owner, @Param("heldUntil") long heldUntil,
                   @Param("newLeaseUntil") long newLeaseUntil);

    /**
     * One receipt as the grouped statements bind it; instants in epoch milliseconds.
     *
     * @param attemptGivenBack 1 when the provider was not called (the claim's attempt is taken back), else 0
     * @param unknownOutcome   1 when the attempt's outcome is unknown and the row goes back to PENDING, else 0
     */
    record Receipt(long id, long leaseUntil, String providerMessageId, String code, String message,
                   Long nextAttemptAt, int attemptGivenBack, int unknownOutcome) {
    }

    /** {@code PER_ROW + "#{r.x}" + END}: the column's value for each receipt's row, by id. */
    String PER_ROW = "CASE id <foreach collection=\"rows\" item=\"r\">WHEN #{r.id} THEN ";
    String END = " </foreach>END";

    /** The part of every grouped receipt statement that keeps it to rows still SENDING under the receipt's lease. */
    String HELD = " WHERE id IN <foreach collection=\"rows\" item=\"r\" open=\"(\" separator=\",\" close=\")\">"
            + "#{r.id}</foreach> AND status = 'SENDING' AND lease_owner = #{owner}"
            + " AND lease_until = " + PER_ROW + "#{r.leaseUntil}" + END;

    @Update("<script>UPDATE outbox SET status = 'SENT', lease_owner = NULL, lease_until = NULL, updated_at = #{at},"
            + " provider_message_id = " + PER_ROW + "#{r.providerMessageId,jdbcType=VARCHAR}" + END
            + HELD + "</script>")
    int settleSent(@Param("rows") List<Receipt> rows, @Param("owner") String owner, @Param("at") long at);

    /** REJECTED or UNKNOWN: final, with the error. */
    @Update("<script>UPDATE outbox SET status = #{status}, lease_owner = NULL, lease_until = NULL, updated_at = #{at},"
            + " error_code = " + PER_ROW + "#{r.code,jdbcType=VARCHAR}" + END + ","
            + " error_message = " + PER_ROW + "#{r.message,jdbcType=VARCHAR}" + END
            + HELD + "</script>")
    int settleFinal(@Param("status") String status, @Param("rows") List<Receipt> rows, @Param("owner") String owner,
                    @Param("at") long at);

    /**
     * Back to PENDING (retry, deferral, repeat after an unknown outcome). {@code first_attempt_at} is assigned before
     * {@code attempts} on purpose: MySQL evaluates SET left to right with the new values, H2 with the old ones; in
     * this order both see the old {@code attempts}. A deferral that gives back the only attempt also clears it.
     */
    @Update("<script>UPDATE outbox SET status = 'PENDING', lease_owner = NULL, lease_until = NULL, updated_at = #{at},"
            + " first_attempt_at = CASE WHEN attempts = 1 AND " + PER_ROW + "#{r.attemptGivenBack}" + END + " = 1"
            + " THEN NULL ELSE first_attempt_at END,"
            + " attempts = attempts - " + PER_ROW + "#{r.attemptGivenBack}" + END + ","
            + " unknown_attempts = unknown_attempts + " + PER_ROW + "#{r.unknownOutcome}" + END + ","
            + " next_attempt_at = " + PER_ROW + "#{r.nextAttemptAt}" + END + ","
            + " error_code = " + PER_ROW + "#{r.code,jdbcType=VARCHAR}" + END + ","
            + " error_message = " + PER_ROW + "#{r.message,jdbcType=VARCHAR}" + END
            + HELD + "</script>")
    int settlePending(@Param("rows") List<Receipt> rows, @Param("owner") String owner, @Param("at") long at);

    /** Abandoned rows of a channel that may repeat them, still inside its window: back to PENDING, due now. */
    @Update("""
            UPDATE outbox
               SET status = 'PENDING', unknown_attempts = unknown_attempts + 1, next_attempt_at = #{now},
                   error_code = #{code}, error_message = #{message}, lease_owner = NULL, lease_until = NULL,
                   updated_at = #{now}
             WHERE status = 'SENDING' AND lease_until < #{now} AND channel = #{channel}
               AND first_attempt_at > #{firstAttemptAfter} AND attempts < #{maxAttempts}
            """)
    int requeueAbandoned(@Param("now") long now, @Param("channel") String channel,
                         @Param("firstAttemptAfter") long firstAttemptAfter, @Param("maxAttempts") int maxAttempts,
                         @Param("code") String code, @Param("message") String message);

    /** Lease columns are kept: they tell an operator which dispatcher died holding the row. */
    @Update("""
            UPDATE outbox
               SET status = 'UNKNOWN', error_code = #{code}, error_message = #{message}, updated_at = #{now}
             WHERE status = 'SENDING' AND lease_until < #{now}
            """)
    int expireAbandoned(@Param("now") long now, @Param("code") String code, @Param("message") String message);
}
