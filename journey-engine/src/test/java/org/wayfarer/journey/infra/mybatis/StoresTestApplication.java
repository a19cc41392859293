package org.wayfarer.journey.infra.mybatis;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.wayfarer.journey.infra.spring.MybatisStoresConfiguration;

/** The smallest application around the stores: DataSource, Flyway and MyBatis-Plus auto-configuration, our wiring. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MybatisStoresConfiguration.class)
class StoresTestApplication {
}
