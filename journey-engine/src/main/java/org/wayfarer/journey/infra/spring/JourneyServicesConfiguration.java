package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.LiveInstances;
import org.wayfarer.journey.catalog.PublicationListener;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.preview.JourneyPreview;
import org.wayfarer.journey.profile.ContactDirectory;
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.profile.ContactJourneys;
import org.wayfarer.journey.recipe.RecipeBook;
import org.wayfarer.journey.recipe.RecipeJourneys;
import org.wayfarer.journey.runtime.EntryDecisions;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.segment.SegmentMembers;
import org.wayfarer.journey.settings.TenantSettings;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyFunnel;
import org.wayfarer.journey.stats.JourneyFunnels;
import org.wayfarer.journey.stats.JourneyStatistics;
import org.wayfarer.journey.stats.NodeOccupancy;

/**
 * The services the admin API calls, built from whichever port beans the context has (the MyBatis stores in the
 * product, in-memory ports in the admin API's slice tests). The context also supplies {@link LiveInstances} (the
 * engine's {@code LifecycleSweeps}).
 *
 * <p>The catalog checks send accounts with the engine's {@link AccountOwnership} bean. A context that imports this
 * configuration without the engine's auto-configuration (the admin API's slice tests) has none; the catalog then asks
 * the context's {@link ChannelAccounts} beans directly, the same way, so that no account is ever taken as owned
 * unchecked: without any, every explicit account is refused. The catalog asks the context's {@link SegmentMembers}
 * (the segment services) whether a timed trigger's segment exists; a context without them checks the key's form only.
 */
@Configuration(proxyBeanMethods = false)
public class JourneyServicesConfiguration {

    @Bean
    JourneyCatalog journeyCatalog(JourneyStore store, JourneyCompiler compiler, ObjectProvider<AccountOwnership> owners,
                                  ObjectProvider<ChannelAccounts> channelAccounts, Transactions transactions,
                                  IdGenerator ids, Clock clock, ObjectProvider<PublicationListener> listeners,
                                  ObjectProvider<SegmentMembers> segments) {
        AccountOwnership ownership = owners.getIfAvailable(
                () -> new AccountOwnership(channelAccounts.orderedStream().toList()));
        return new JourneyCatalog(store, compiler, ownership, transactions, ids, clock, everyListener(listeners),
                segments.getIfAvailable());
    }

    /** Pause, resume, stop, archive and publish with a migration; the instances' side is the context's LiveInstances. */
    @Bean
    JourneyLifecycle journeyLifecycle(JourneyCatalog catalog, JourneyStore store, LiveInstances instances,
                                      Transactions transactions, Clock clock,
                                      ObjectProvider<PublicationListener> listeners) {
        return new JourneyLifecycle(catalog, store, instances, transactions, clock, everyListener(listeners));
    }

    private static PublicationListener everyListener(ObjectProvider<PublicationListener> listeners) {
        List<PublicationListener> all = listeners.orderedStream().toList();
        return () -> all.forEach(PublicationListener::acceptingChanged);
    }

    /** The shipped recipes, read once; a malformed one fails the start. */
    @Bean
    RecipeBook recipeBook() {
        return RecipeBook.shipped();
    }

    @Bean
    RecipeJourneys recipeJourneys(RecipeBook recipes, JourneyCatalog catalog) {
        return new RecipeJourneys(recipes, catalog);
    }

    @Bean
    ContactDirectory contactDirectory(ContactStore contacts, EventLog events, StepLog steps, Outbox outbox) {
        return new ContactDirectory(contacts, events, steps, outbox);
    }

    /** Dry runs of drafts; reads the draft, the tenant's send settings and calendar, writes nothing. */
    @Bean
    JourneyPreview journeyPreview(JourneyCatalog catalog, JourneyCompiler compiler, TenantSettings settings,
                                  HolidayCalendars calendars, ChannelSenders senders) {
        return new JourneyPreview(catalog, compiler, settings, calendars, senders);
    }

    @Bean
    ContactJourneys contactJourneys(ContactStore contacts, JourneyStore journeys, ContactInstances instances,
                                    EntryDecisions decisions) {
        return new ContactJourneys(contacts, journeys, instances, decisions);
    }

    @Bean
    JourneyFunnels journeyFunnels(JourneyStore journeys, JourneyFunnel funnel) {
        return new JourneyFunnels(journeys, funnel);
    }

    @Bean
    JourneyStatistics journeyStatistics(JourneyStore journeys, JourneyCounters counters, NodeOccupancy occupancy) {
        return new JourneyStatistics(journeys, counters, occupancy);
    }
}
