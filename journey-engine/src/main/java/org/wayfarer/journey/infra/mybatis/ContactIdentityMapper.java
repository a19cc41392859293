package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/** The {@code contact_identity} table. Public only so the Spring wiring can hand it to the adapter. */
public interface ContactIdentityMapper extends BaseMapper<ContactIdentityRow> {
}
