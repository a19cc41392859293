package org.wayfarer.journey.infra.mybatis;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.wayfarer.journey.infra.spring.JourneyEngineAutoConfiguration;
import org.wayfarer.journey.infra.spring.MybatisStoresConfiguration;

/**
 * The smallest application around the stores: DataSource, Flyway and MyBatis-Plus auto-configuration, our wiring.
 * The engine itself stays off: its workers would process the contract tests' pending rows.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = JourneyEngineAutoConfiguration.class)
@Import(MybatisStoresConfiguration.class)
class StoresTestApplication {
}
