package org.wayfarer.admin.support;

import com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.wayfarer.admin.infra.mybatis.MybatisAdminConfiguration;

/**
 * Just the persistence part of the server: a data source, the Flyway migrations, MyBatis-Plus and the admin's own
 * stores. Tests point {@code spring.datasource.url} at a private in-memory H2 in MySQL mode.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class, MybatisPlusAutoConfiguration.class})
@Import(MybatisAdminConfiguration.class)
public class EmbeddedDatabaseConfiguration {

    /** A fresh database per test class; MySQL mode like the embedded server's file database. */
    public static final String URL_PROPERTY = "spring.datasource.url=jdbc:h2:mem:wayfarer-${random.uuid};"
            + "MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
}
