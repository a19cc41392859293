package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The {@code outbox} table. Every status change is conditional on the current status, so two dispatchers never act on
 * one row. Claims and receipts, the hot path, are JDBC batches in {@link OutboxLeases} and {@link OutboxSettlement}.
 * Public only so the Spring wiring can hand it to the adapter.
 */
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    @Update("""
            UPDATE outbox SET lease_until = #{newLeaseUntil}
             WHERE id = #{id} AND status = 'SENDING' AND lease_owner = #{owner} AND lease_until = #{heldUntil}
            """)
    int renewLease(@Param("id") long id, @Param("owner") String owner, @Param("heldUntil") long heldUntil,
                   @Param("newLeaseUntil") long newLeaseUntil);

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

    /** A deferred row (PENDING, never attempted, due at {@code from}) moved to {@code to}. */
    @Update("""
            UPDATE outbox SET next_attempt_at = #{to}, updated_at = #{now}
             WHERE id = #{id} AND status = 'PENDING' AND attempts = 0 AND next_attempt_at = #{from}
            """)
    int postpone(@Param("id") long id, @Param("from") long from, @Param("to") long to, @Param("now") long now);

    /** A deferred row (as for {@link #postpone}) withdrawn: DROPPED, never sent. */
    @Update("""
            UPDATE outbox SET status = 'DROPPED', error_code = #{code}, error_message = #{message}, updated_at = #{now}
             WHERE id = #{id} AND status = 'PENDING' AND attempts = 0 AND next_attempt_at = #{from}
            """)
    int withdraw(@Param("id") long id, @Param("from") long from, @Param("code") String code,
                 @Param("message") String message, @Param("now") long now);

    @Select("SELECT COUNT(*) FROM outbox WHERE account = #{account} AND channel = #{channel}"
            + " AND first_attempt_at >= #{since} AND status <> 'SENDING'")
    long countAttempted(@Param("channel") String channel, @Param("account") String account,
                        @Param("since") long since);

    @Update("""
            UPDATE outbox SET delivery_status = #{status}, delivered_at = #{at}
             WHERE provider_message_id = #{providerMessageId} AND account = #{account} AND channel = #{channel}
            """)
    int recordDelivery(@Param("channel") String channel, @Param("account") String account,
                       @Param("providerMessageId") String providerMessageId, @Param("status") String status,
                       @Param("at") long at);

    @Select("SELECT delivery_status FROM outbox WHERE id = #{id}")
    String deliveryStatus(@Param("id") long id);
}
