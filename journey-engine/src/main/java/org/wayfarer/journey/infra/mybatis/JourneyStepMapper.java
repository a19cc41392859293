package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/** The {@code journey_step} table. Public only so the Spring wiring can hand it to the adapter. */
public interface JourneyStepMapper extends BaseMapper<JourneyStepRow> {
}
