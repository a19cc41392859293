package org.wayfarer.channel.wechat.infra.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.StoredAccount;

/** {@link AccountStore} on MyBatis-Plus; the unique key on {@code app_id} decides races between two connects. */
class MybatisAccountStore implements AccountStore {

    private final WeChatAccountMapper mapper;

    MybatisAccountStore(WeChatAccountMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean insert(StoredAccount account) {
        try {
            mapper.insert(toRow(account));
            return true;
        } catch (DuplicateKeyException e) {
            if (findByAppId(account.appId()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredAccount> findByAppId(String appId) {
        return Optional.ofNullable(mapper.findByAppId(appId)).map(MybatisAccountStore::fromRow);
    }

    @Override
    public List<StoredAccount> listByTenant(long tenantId) {
        return mapper.listByTenant(tenantId).stream().map(MybatisAccountStore::fromRow).toList();
    }

    private static WeChatAccountRow toRow(StoredAccount account) {
        WeChatAccountRow row = new WeChatAccountRow();
        row.setId(account.id());
        row.setTenantId(account.tenantId());
        row.setAppId(account.appId());
        row.setName(account.name());
        row.setSecretEnc(account.secretEncrypted());
        row.setTokenEnc(account.tokenEncrypted());
        row.setAesKeyEnc(account.aesKeyEncrypted());
        row.setCreatedAt(account.createdAt().toEpochMilli());
        row.setUpdatedAt(account.updatedAt().toEpochMilli());
        return row;
    }

    private static StoredAccount fromRow(WeChatAccountRow row) {
        return new StoredAccount(row.getId(), row.getTenantId(), row.getAppId(), row.getName(), row.getSecretEnc(),
                row.getTokenEnc(), row.getAesKeyEnc(), Instant.ofEpochMilli(row.getCreatedAt()),
                Instant.ofEpochMilli(row.getUpdatedAt()));
    }
}
