package org.wayfarer.journey.infra.spring;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.infra.embedded.H2FileCompaction;

/**
 * Online compaction for the embedded H2 file database (docs/adr/0007), when H2 is on the classpath; whether the data
 * source really is an H2 file is checked when the application starts (anything else gets no passes).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.h2.mvstore.MVStore")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "wayfarer.embedded.compaction.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedCompactionProperties.class)
public class EmbeddedCompactionConfiguration {

    @Bean
    EmbeddedCompactionLifecycle embeddedCompactionLifecycle(DataSource dataSource,
                                                            EmbeddedCompactionProperties properties,
                                                            ObjectProvider<MeterRegistry> registry) {
        return new EmbeddedCompactionLifecycle(new H2FileCompaction(dataSource, properties.settings()),
                properties.interval(), Optional.ofNullable(registry.getIfAvailable()));
    }
}
