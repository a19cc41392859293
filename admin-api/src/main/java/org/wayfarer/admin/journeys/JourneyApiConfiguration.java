package org.wayfarer.admin.journeys;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyStatistics;

/** The engine services behind the journey endpoints, built from the engine's ports (wired elsewhere). */
@Configuration(proxyBeanMethods = false)
public class JourneyApiConfiguration {

    @Bean
    JourneyCatalog journeyCatalog(JourneyStore journeys, JourneyCompiler compiler, Transactions transactions,
                                  IdGenerator ids, Clock clock) {
        return new JourneyCatalog(journeys, compiler, transactions, ids, clock);
    }

    @Bean
    JourneyStatistics journeyStatistics(JourneyStore journeys, JourneyCounters counters, InstanceStore instances) {
        return new JourneyStatistics(journeys, counters, instances);
    }
}
