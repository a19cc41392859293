package org.wayfarer.admin.infra.mybatis;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.wayfarer.admin.tenant.TenantStore;

/** {@link TenantStore} on the {@code tenant} table; the primary key settles races between starting nodes. */
final class MybatisTenantStore implements TenantStore {

    private final TenantMapper mapper;

    MybatisTenantStore(TenantMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean createIfAbsent(long tenantId, String name, Instant createdAt) {
        if (mapper.selectById(tenantId) != null) {
            return false;
        }
        TenantRow row = new TenantRow();
        row.setTenantId(tenantId);
        row.setName(name);
        row.setCreatedAt(createdAt.toEpochMilli());
        try {
            mapper.insert(row);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
