package org.wayfarer.bench.probe;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts a Wayfarer server's JDBC statements and commits for the bench, and publishes the totals as the counters
 * {@code bench_jdbc_statements_total}, {@code bench_jdbc_writes_total} and {@code bench_jdbc_commits_total} on
 * {@code /actuator/prometheus}.
 *
 * <p>Inert on the plain bench classpath: it is listed in no {@code AutoConfiguration.imports} of the build. The bench
 * writes such a file into a directory of its temp dir and puts that directory on a forked server's classpath only
 * when it counts (see {@code Servers}), so the server's own code and configuration stay untouched.
 */
@AutoConfiguration
public class JdbcCountingAutoConfiguration {

    /** One set of totals per JVM: the server has one data source, and the counters must outlive bean lifecycles. */
    static final JdbcCounts COUNTS = new JdbcCounts();

    /** Wraps every {@link DataSource} bean once it is initialised, before Flyway, MyBatis or the engine get it. */
    @Bean
    static BeanPostProcessor benchCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(dataSource, COUNTS) : bean;
            }
        };
    }

    @Bean
    MeterBinder benchJdbcCounters() {
        return registry -> {
            FunctionCounter.builder("bench.jdbc.statements", COUNTS, JdbcCounts::statements)
                    .description("JDBC statements executed (bench probe)").register(registry);
            FunctionCounter.builder("bench.jdbc.writes", COUNTS, JdbcCounts::writes)
                    .description("JDBC statements that wrote (bench probe)").register(registry);
            FunctionCounter.builder("bench.jdbc.commits", COUNTS, JdbcCounts::commits)
                    .description("commits of transactions that wrote (bench probe)").register(registry);
        };
    }
}
