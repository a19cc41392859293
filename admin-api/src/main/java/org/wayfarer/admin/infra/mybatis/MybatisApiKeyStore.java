package org.wayfarer.admin.infra.mybatis;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.Optional;
import org.wayfarer.admin.security.ApiKey;
import org.wayfarer.admin.security.ApiKeyStore;
import org.wayfarer.admin.security.Role;

/** {@link ApiKeyStore} on the {@code api_key} table. */
final class MybatisApiKeyStore implements ApiKeyStore {

    private final ApiKeyMapper mapper;

    MybatisApiKeyStore(ApiKeyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        ApiKeyRow row = mapper.selectOne(Wrappers.<ApiKeyRow>lambdaQuery().eq(ApiKeyRow::getKeyHash, keyHash));
        return Optional.ofNullable(row).map(MybatisApiKeyStore::toKey);
    }

    @Override
    public boolean anyForTenant(long tenantId) {
        return mapper.exists(Wrappers.<ApiKeyRow>lambdaQuery().eq(ApiKeyRow::getTenantId, tenantId));
    }

    @Override
    public void insert(ApiKey key) {
        ApiKeyRow row = new ApiKeyRow();
        row.setId(key.id());
        row.setTenantId(key.tenantId());
        row.setName(key.name());
        row.setKeyPrefix(key.keyPrefix());
        row.setKeyHash(key.keyHash());
        row.setRole(key.role().name());
        row.setCreatedAt(key.createdAt().toEpochMilli());
        row.setRevokedAt(key.revokedAt() == null ? null : key.revokedAt().toEpochMilli());
        mapper.insert(row);
    }

    private static ApiKey toKey(ApiKeyRow row) {
        return new ApiKey(row.getId(), row.getTenantId(), row.getName(), row.getKeyPrefix(), row.getKeyHash(),
                Role.valueOf(row.getRole()), Instant.ofEpochMilli(row.getCreatedAt()),
                row.getRevokedAt() == null ? null : Instant.ofEpochMilli(row.getRevokedAt()));
    }
}
