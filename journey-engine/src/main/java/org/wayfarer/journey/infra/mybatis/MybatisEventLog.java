package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link EventLog} on the {@code contact_event} table; properties and attributes are JSON text. Thread-safe; joins the
 * caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisEventLog implements EventLog {

    private static final int LAST_ERROR_WIDTH = 500;

    private final ContactEventMapper events;
    private final JsonColumns json;

    public MybatisEventLog(ContactEventMapper events, ObjectMapper objectMapper) {
        this.events = events;
        this.json = new JsonColumns(objectMapper);
    }

    /**
     * A duplicate is detected by the unique (tenant, source, dedupe key) itself, not by a read before the insert, so
     * two nodes taking the same retried callback at once still store it once. The failed INSERT is undone by the
     * database on its own (statement-level rollback on MariaDB and H2), leaving a surrounding transaction usable.
     */
    @Override
    public IntakeResult append(long id, ContactEvent event, int partition, Instant receivedAt) {
        try {
            events.insert(toRow(id, event, partition, receivedAt));
            return new IntakeResult.Accepted(id);
        } catch (DuplicateKeyException e) {
            Long existing = existingId(event);
            if (existing == null) {
                // Not the dedupe key after all (the primary key): a caller bug, not a retried callback.
                throw e;
            }
            return new IntakeResult.Duplicate(existing);
        }
    }

    @Override
    public Optional<StoredEvent> find(long eventId) {
        return Optional.ofNullable(events.selectById(eventId)).map(this::toStored);
    }

    @Override
    public List<StoredEvent> pending(int partition, int limit) {
        return events.selectList(Wrappers.lambdaQuery(ContactEventRow.class)
                        .eq(ContactEventRow::getStatus, EventStatus.PENDING.name())
                        .eq(ContactEventRow::getPartitionNo, partition)
                        .orderByAsc(ContactEventRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toStored).toList();
    }

    @Override
    public boolean markProcessed(long eventId, long contactId, Instant at) {
        return events.markProcessed(eventId, contactId, at.toEpochMilli()) == 1;
    }

    @Override
    public void markFailed(long eventId, String error, boolean giveUp, Instant at) {
        EventStatus status = giveUp ? EventStatus.FAILED : EventStatus.PENDING;
        events.markFailed(eventId, Columns.truncate(error, LAST_ERROR_WIDTH), status.name(),
                giveUp ? at.toEpochMilli() : null);
    }

    @Override
    public List<StoredEvent> timeline(long tenantId, long contactId, int limit) {
        return events.selectList(Wrappers.lambdaQuery(ContactEventRow.class)
                        .eq(ContactEventRow::getTenantId, tenantId)
                        .eq(ContactEventRow::getContactId, contactId)
                        .eq(ContactEventRow::getStatus, EventStatus.PROCESSED.name())
                        .orderByDesc(ContactEventRow::getOccurredAt, ContactEventRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toStored).toList();
    }

    private Long existingId(ContactEvent event) {
        ContactEventRow row = events.selectOne(Wrappers.lambdaQuery(ContactEventRow.class)
                .select(ContactEventRow::getId)
                .eq(ContactEventRow::getTenantId, event.tenantId())
                .eq(ContactEventRow::getSource, event.source())
                .eq(ContactEventRow::getDedupeKey, event.dedupeKey()));
        if (row != null) {
            return row.getId();
        }
        // A REPEATABLE READ snapshot taken before the winner committed cannot see it; a locking read can.
        return events.selectIdByDedupeKeyLocking(event.tenantId(), event.source(), event.dedupeKey());
    }

    private ContactEventRow toRow(long id, ContactEvent event, int partition, Instant receivedAt) {
        ContactEventRow row = new ContactEventRow();
        row.setId(id);
        row.setTenantId(event.tenantId());
        row.setSource(event.source());
        row.setDedupeKey(event.dedupeKey());
        row.setEventType(event.type());
        row.setIdentityKind(event.identity().kind().name());
        row.setIdentityNamespace(event.identity().namespace());
        row.setIdentityValue(event.identity().value());
        row.setUnionid(event.unionid());
        row.setPropertiesJson(json.write(event.properties()));
        row.setAttributesJson(json.write(event.attributes()));
        row.setOccurredAt(event.occurredAt().toEpochMilli());
        row.setReceivedAt(receivedAt.toEpochMilli());
        row.setPartitionNo(partition);
        row.setStatus(EventStatus.PENDING.name());
        row.setAttempts(0);
        return row;
    }

    private StoredEvent toStored(ContactEventRow row) {
        Identity identity = new Identity(IdentityKind.valueOf(row.getIdentityKind()), row.getIdentityNamespace(),
                row.getIdentityValue());
        ContactEvent event = new ContactEvent(row.getTenantId(), row.getSource(), row.getDedupeKey(),
                row.getEventType(), identity, row.getUnionid(), instant(row.getOccurredAt()),
                json.read(row.getPropertiesJson()), json.read(row.getAttributesJson()));
        return new StoredEvent(row.getId(), event, row.getContactId(), row.getPartitionNo(),
                EventStatus.valueOf(row.getStatus()), row.getAttempts(), instant(row.getReceivedAt()));
    }
}
