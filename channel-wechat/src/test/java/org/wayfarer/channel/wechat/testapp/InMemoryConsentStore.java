package org.wayfarer.channel.wechat.testapp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.wayfarer.channel.wechat.subscribe.ConsentRecord;
import org.wayfarer.channel.wechat.subscribe.ConsentStore;

/** A {@link ConsentStore} in memory, held to the same contract as the MyBatis adapter. Thread-safe. */
public final class InMemoryConsentStore implements ConsentStore {

    private static final Comparator<ConsentRecord> NEWEST_FIRST = Comparator.comparing(ConsentRecord::occurredAt)
            .thenComparingLong(ConsentRecord::id).reversed();

    private final List<ConsentRecord> records = new ArrayList<>();

    @Override
    public synchronized boolean insert(ConsentRecord record) {
        boolean taken = records.stream().anyMatch(r -> r.id() == record.id() || r.tenantId() == record.tenantId()
                && r.appId().equals(record.appId()) && r.dedupeKey().equals(record.dedupeKey())
                && r.templateId().equals(record.templateId()));
        if (taken) {
            return false;
        }
        records.add(record);
        return true;
    }

    @Override
    public synchronized List<ConsentRecord> forTemplate(long tenantId, long contactId, String appId,
                                                        String templateId, int limit) {
        return select(r -> r.tenantId() == tenantId && r.contactId() == contactId && r.appId().equals(appId)
                && r.templateId().equals(templateId), NEWEST_FIRST, limit);
    }

    @Override
    public synchronized List<ConsentRecord> history(long tenantId, long contactId, int limit) {
        return select(r -> r.tenantId() == tenantId && r.contactId() == contactId, NEWEST_FIRST, limit);
    }

    @Override
    public synchronized List<ConsentRecord> byMsgId(long tenantId, String appId, String msgId) {
        return select(r -> r.tenantId() == tenantId && r.appId().equals(appId) && msgId.equals(r.msgId()),
                NEWEST_FIRST.reversed(), Integer.MAX_VALUE);
    }

    /** Everything stored, in insertion order. */
    public synchronized List<ConsentRecord> all() {
        return List.copyOf(records);
    }

    private List<ConsentRecord> select(Predicate<ConsentRecord> filter, Comparator<ConsentRecord> order, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return new ArrayList<>(records).stream().filter(filter).sorted(order).limit(limit).toList();
    }
}
