package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * {@link StepLog} on the {@code journey_step} table: a batch is written as one JDBC batch, all in one
 * transaction (joined if the caller has one). Thread-safe. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisStepLog implements StepLog {

    private static final int DETAIL_WIDTH = 255;

    /** One fixed statement, so the database parses it once however many steps a batch writes. */
    private static final String INSERT = """
            INSERT INTO journey_step (id, tenant_id, instance_id, journey_id, journey_version, contact_id, node_id, seq,
                                      outcome, detail, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JourneyStepMapper steps;
    private final JdbcTemplate jdbc;
    private final Transactions transactions;

    public MybatisStepLog(JourneyStepMapper steps, JdbcTemplate jdbc, Transactions transactions) {
        this.steps = steps;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A JDBC batch of one prepared statement ({@link JdbcBatch}), in the caller's transaction. */
    @Override
    public void append(List<StepRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        transactions.run(() -> JdbcBatch.run(jdbc, INSERT, records, (p, step) -> p.add(step.id()).add(step.tenantId())
                .add(step.instanceId()).add(step.journeyId()).add(step.journeyVersion()).add(step.contactId())
                .add(step.nodeId()).add(step.seq()).add(step.outcome()).add(Columns.truncate(step.detail(), DETAIL_WIDTH))
                .add(step.at().toEpochMilli())));
    }

    @Override
    public List<StepRecord> forContact(long tenantId, long contactId, int limit) {
        return steps.selectList(Wrappers.lambdaQuery(JourneyStepRow.class)
                        .eq(JourneyStepRow::getTenantId, tenantId)
                        .eq(JourneyStepRow::getContactId, contactId)
                        .orderByDesc(JourneyStepRow::getAt, JourneyStepRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(MybatisStepLog::toRecord).toList();
    }

    private static StepRecord toRecord(JourneyStepRow row) {
        return new StepRecord(row.getId(), row.getTenantId(), row.getInstanceId(), row.getJourneyId(),
                row.getJourneyVersion(), row.getContactId(), row.getNodeId(), row.getSeq(), row.getOutcome(),
                row.getDetail(), instant(row.getAt()));
    }
}
