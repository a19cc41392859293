package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * {@link StepLog} on the {@code journey_step} table: a batch is written with multi-row INSERTs, all in one
 * transaction (joined if the caller has one). Thread-safe. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisStepLog implements StepLog {

    private static final int ROWS_PER_STATEMENT = 500;
    private static final int DETAIL_WIDTH = 255;

    private final JourneyStepMapper steps;
    private final Transactions transactions;

    public MybatisStepLog(JourneyStepMapper steps, Transactions transactions) {
        this.steps = steps;
        this.transactions = transactions;
    }

    @Override
    public void append(List<StepRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<JourneyStepRow> rows = records.stream().map(MybatisStepLog::toRow).toList();
        transactions.run(() -> Columns.inChunks(rows, ROWS_PER_STATEMENT, steps::insertAll));
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

    private static JourneyStepRow toRow(StepRecord step) {
        JourneyStepRow row = new JourneyStepRow();
        row.setId(step.id());
        row.setTenantId(step.tenantId());
        row.setInstanceId(step.instanceId());
        row.setJourneyId(step.journeyId());
        row.setJourneyVersion(step.journeyVersion());
        row.setContactId(step.contactId());
        row.setNodeId(step.nodeId());
        row.setSeq(step.seq());
        row.setOutcome(step.outcome());
        row.setDetail(Columns.truncate(step.detail(), DETAIL_WIDTH));
        row.setAt(step.at().toEpochMilli());
        return row;
    }

    private static StepRecord toRecord(JourneyStepRow row) {
        return new StepRecord(row.getId(), row.getTenantId(), row.getInstanceId(), row.getJourneyId(),
                row.getJourneyVersion(), row.getContactId(), row.getNodeId(), row.getSeq(), row.getOutcome(),
                row.getDetail(), instant(row.getAt()));
    }
}
