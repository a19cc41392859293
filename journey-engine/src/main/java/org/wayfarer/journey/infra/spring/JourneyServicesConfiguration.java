package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.PublicationListener;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.profile.ContactDirectory;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyStatistics;

/**
 * The services the admin API calls, built from whichever port beans the context has (the MyBatis stores in the
 * product, in-memory ports in the admin API's slice tests).
 */
@Configuration(proxyBeanMethods = false)
public class JourneyServicesConfiguration {

    @Bean
    JourneyCatalog journeyCatalog(JourneyStore store, JourneyCompiler compiler, Transactions transactions,
                                  IdGenerator ids, Clock clock, ObjectProvider<PublicationListener> listeners) {
        List<PublicationListener> all = listeners.orderedStream().toList();
        return new JourneyCatalog(store, compiler, transactions, ids, clock,
                () -> all.forEach(PublicationListener::acceptingChanged));
    }

    @Bean
    ContactDirectory contactDirectory(ContactStore contacts, EventLog events, StepLog steps, Outbox outbox) {
        return new ContactDirectory(contacts, events, steps, outbox);
    }

    @Bean
    JourneyStatistics journeyStatistics(JourneyStore journeys, JourneyCounters counters, InstanceStore instances) {
        return new JourneyStatistics(journeys, counters, instances);
    }
}
