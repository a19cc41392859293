package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentRefresher;
import org.wayfarer.journey.segment.SegmentStore;
import org.wayfarer.journey.segment.Segments;

/**
 * The segment services the admin API and the scheduled refresh call ({@link Segments}, {@link SegmentRefresher}),
 * built from whichever port beans the context has (the MyBatis stores in the product, in-memory ports in the admin
 * API's slice tests). The schedule itself is {@link SegmentRefreshConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SegmentProperties.class)
public class SegmentServicesConfiguration {

    @Bean
    Segments segments(SegmentStore store, SegmentEvaluation evaluation, Transactions transactions, IdGenerator ids,
                      Clock clock) {
        return new Segments(store, evaluation, transactions, ids, clock);
    }

    /** Daemon threads that only wait for the intake's commits; idle threads end after a minute. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService wayfarerSegmentEmitter(SegmentProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.emitThreads(), r -> {
            Thread t = new Thread(r, "wayfarer-segment-emit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    SegmentRefresher segmentRefresher(SegmentStore store, SegmentEvaluation evaluation, ContactStore contacts,
                                      EventIntake intake, Transactions transactions, Clock clock,
                                      ExecutorService wayfarerSegmentEmitter, SegmentProperties properties) {
        return new SegmentRefresher(store, evaluation, contacts, intake, transactions, clock, wayfarerSegmentEmitter,
                properties.refreshPageSize());
    }
}
