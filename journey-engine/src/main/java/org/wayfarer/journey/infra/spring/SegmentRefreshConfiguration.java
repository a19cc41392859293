package org.wayfarer.journey.infra.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.wayfarer.journey.segment.SegmentRefresher;

/** Segments in the running engine: the services, and every segment refreshed every {@code refresh-interval}. */
@Configuration(proxyBeanMethods = false)
@Import(SegmentServicesConfiguration.class)
public class SegmentRefreshConfiguration {

    @Bean
    PeriodicLifecycle segmentRefreshLifecycle(SegmentRefresher refresher, SegmentProperties properties) {
        return new PeriodicLifecycle("segment refresh", refresher::refreshAll, properties.refreshInterval(),
                "the next start repeats it, without duplicate events");
    }
}
