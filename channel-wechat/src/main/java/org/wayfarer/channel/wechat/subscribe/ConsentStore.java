package org.wayfarer.channel.wechat.subscribe;

import java.util.List;

/**
 * Storage of the subscription-consent ledger (port; adapter in {@code infra/mybatis}, table
 * {@code wechat_subscribe_consent}). Append-only: a record is never changed. Tenant-scoped. Thread-safe.
 */
public interface ConsentStore {

    /**
     * Stores a record.
     *
     * @return {@code false}, storing nothing, when a record of the same (tenant, account, dedupe key, template) is
     *         stored: a retried push, or a send recorded twice
     */
    boolean insert(ConsentRecord record);

    /** The contact's records of one template on one account, newest first ({@code occurredAt}, then id). */
    List<ConsentRecord> forTemplate(long tenantId, long contactId, String appId, String templateId, int limit);

    /** The contact's records of every template on every account, newest first: the consent history to show. */
    List<ConsentRecord> history(long tenantId, long contactId, int limit);

    /** The records naming WeChat's {@code msgId} on the account, oldest first: its send and its delivery reports. */
    List<ConsentRecord> byMsgId(long tenantId, String appId, String msgId);
}
