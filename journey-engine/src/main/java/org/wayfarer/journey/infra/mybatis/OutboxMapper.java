package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The {@code outbox} table. Every status change is conditional on the current status, so two dispatchers never act on
 * one row. Public only so the Spring wiring can hand it to the adapter.
 */
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    /** One multi-row INSERT for the whole list (callers keep it to a hundred rows or so). */
    @Insert("""
            <script>
            INSERT INTO outbox (id, tenant_id, instance_id, journey_id, node_id, seq, contact_id, channel, account,
                                recipient, payload_json, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.id}, #{r.tenantId}, #{r.instanceId}, #{r.journeyId}, #{r.nodeId}, #{r.seq}, #{r.contactId},
               #{r.channel}, #{r.account}, #{r.recipient}, #{r.payloadJson}, #{r.status}, #{r.attempts},
               #{r.nextAttemptAt}, #{r.createdAt}, #{r.updatedAt})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<OutboxRow> rows);

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

    @Update("""
            <script>
            UPDATE outbox
               SET status = 'SENDING', lease_owner = #{owner}, lease_until = #{leaseUntil}, attempts = attempts + 1,
                   updated_at = #{now}
             WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND status = 'PENDING' AND next_attempt_at &lt;= #{now}
            </script>
            """)
    int claimAll(@Param("ids") List<Long> ids, @Param("owner") String owner, @Param("now") long now,
                 @Param("leaseUntil") long leaseUntil);

    /** Moves one due PENDING row to SENDING; returns 1 only to the claimer that found it still PENDING. */
    @Update("""
            UPDATE outbox
               SET status = 'SENDING', lease_owner = #{owner}, lease_until = #{leaseUntil}, attempts = attempts + 1,
                   updated_at = #{now}
             WHERE id = #{id} AND status = 'PENDING' AND next_attempt_at <= #{now}
            """)
    int claim(@Param("id") long id, @Param("owner") String owner, @Param("now") long now,
              @Param("leaseUntil") long leaseUntil);

    @Update("""
            UPDATE outbox
               SET status = 'SENT', provider_message_id = #{providerMessageId,jdbcType=VARCHAR},
                   lease_owner = NULL, lease_until = NULL, updated_at = #{at}
             WHERE id = #{id} AND status = 'SENDING'
            """)
    int markSent(@Param("id") long id, @Param("providerMessageId") String providerMessageId, @Param("at") long at);

    @Update("""
            UPDATE outbox
               SET status = 'REJECTED', error_code = #{code,jdbcType=VARCHAR},
                   error_message = #{message,jdbcType=VARCHAR},
                   lease_owner = NULL, lease_until = NULL, updated_at = #{at}
             WHERE id = #{id} AND status = 'SENDING'
            """)
    int markRejected(@Param("id") long id, @Param("code") String code, @Param("message") String message,
                     @Param("at") long at);

    @Update("""
            UPDATE outbox
               SET status = 'PENDING', error_code = #{code,jdbcType=VARCHAR},
                   error_message = #{message,jdbcType=VARCHAR},
                   next_attempt_at = #{nextAttemptAt}, lease_owner = NULL, lease_until = NULL, updated_at = #{at}
             WHERE id = #{id} AND status = 'SENDING'
            """)
    int reschedule(@Param("id") long id, @Param("code") String code, @Param("message") String message,
                   @Param("nextAttemptAt") long nextAttemptAt, @Param("at") long at);

    @Update("""
            UPDATE outbox
               SET status = 'UNKNOWN', error_message = #{message,jdbcType=VARCHAR},
                   lease_owner = NULL, lease_until = NULL, updated_at = #{at}
             WHERE id = #{id} AND status = 'SENDING'
            """)
    int markUnknown(@Param("id") long id, @Param("message") String message, @Param("at") long at);

    /** Lease columns are kept: they tell an operator which dispatcher died holding the row. */
    @Update("""
            UPDATE outbox
               SET status = 'UNKNOWN', error_code = #{code}, error_message = #{message}, updated_at = #{now}
             WHERE status = 'SENDING' AND lease_until < #{now}
            """)
    int expireAbandoned(@Param("now") long now, @Param("code") String code, @Param("message") String message);
}
