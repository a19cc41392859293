package org.wayfarer.channel.wechat.infra.mybatis;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.wayfarer.channel.wechat.subscribe.ConsentKind;
import org.wayfarer.channel.wechat.subscribe.ConsentRecord;
import org.wayfarer.channel.wechat.subscribe.ConsentStore;

/**
 * {@link ConsentStore} on MyBatis-Plus; the unique key {@code uk_subscribe_consent_push} (tenant, account, dedupe key,
 * template) makes a repeated record a no-op, also when two nodes store one push at once.
 */
class MybatisConsentStore implements ConsentStore {

    private final SubscribeConsentMapper mapper;

    MybatisConsentStore(SubscribeConsentMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean insert(ConsentRecord record) {
        try {
            mapper.insert(toRow(record));
            return true;
        } catch (DuplicateKeyException e) {
            // ids are unique by the generator's contract, so only the push key can clash
            return false;
        }
    }

    @Override
    public List<ConsentRecord> forTemplate(long tenantId, long contactId, String appId, String templateId,
                                           int limit) {
        return mapper.forTemplate(tenantId, contactId, appId, templateId, positive(limit)).stream()
                .map(MybatisConsentStore::fromRow).toList();
    }

    @Override
    public List<ConsentRecord> history(long tenantId, long contactId, int limit) {
        return mapper.history(tenantId, contactId, positive(limit)).stream().map(MybatisConsentStore::fromRow)
                .toList();
    }

    @Override
    public List<ConsentRecord> byMsgId(long tenantId, String appId, String msgId) {
        return mapper.byMsgId(tenantId, appId, msgId).stream().map(MybatisConsentStore::fromRow).toList();
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return limit;
    }

    private static SubscribeConsentRow toRow(ConsentRecord record) {
        SubscribeConsentRow row = new SubscribeConsentRow();
        row.setId(record.id());
        row.setTenantId(record.tenantId());
        row.setContactId(record.contactId());
        row.setAppId(record.appId());
        row.setTemplateId(record.templateId());
        row.setKind(record.kind().name());
        row.setOccurredAt(record.occurredAt().toEpochMilli());
        row.setDedupeKey(record.dedupeKey());
        row.setDeliveryId(record.deliveryId());
        row.setMsgId(record.msgId());
        row.setErrorCode(record.errorCode());
        row.setErrorStatus(record.errorStatus());
        row.setRecordedAt(record.recordedAt().toEpochMilli());
        return row;
    }

    private static ConsentRecord fromRow(SubscribeConsentRow row) {
        return new ConsentRecord(row.getId(), row.getTenantId(), row.getContactId(), row.getAppId(),
                row.getTemplateId(), ConsentKind.valueOf(row.getKind()), Instant.ofEpochMilli(row.getOccurredAt()),
                row.getDedupeKey(), row.getDeliveryId(), row.getMsgId(), row.getErrorCode(), row.getErrorStatus(),
                Instant.ofEpochMilli(row.getRecordedAt()));
    }
}
