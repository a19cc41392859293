package org.wayfarer.journey.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.preview.Previews.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.catalog.InvalidJourneyException;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryJourneyStore;
import org.wayfarer.journey.testing.InMemoryTenantSettings;
import org.wayfarer.journey.testing.MutableClock;

/** The preview service: the tenant's draft, compiled again, with the tenant's send settings; and its bounds. */
class JourneyPreviewTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z"); // 23:00 in Shanghai
    private static final String DRAFT = """
            {"key":"hello","name":"Hello","trigger":{"event":"custom.joined"},"start":"hello",
             "nodes":{"hello":{"type":"send","channel":"wechat.template","message":{"templateId":"TPL_HI"}}}}
            """;

    private final InMemoryJourneyStore store = new InMemoryJourneyStore();
    private final InMemoryTenantSettings settings = new InMemoryTenantSettings();
    private final AtomicLong ids = new AtomicLong(100);
    private final JourneyCatalog catalog = catalog(Previews.COMPILER);

    private JourneyCatalog catalog(JourneyCompiler compiler) {
        return new JourneyCatalog(store, compiler, new AccountOwnership(List.of()), new DirectTransactions(),
                ids::incrementAndGet, new MutableClock(T0));
    }

    private JourneyPreview preview(JourneyCompiler compiler) {
        return new JourneyPreview(catalog, compiler, settings, new HolidayCalendars(), Previews.SENDERS);
    }

    private static PreviewScenario joined() {
        return new PreviewScenario(Map.of(), Set.of(), List.of(event("custom.joined", T0)), null, Map.of());
    }

    @Test
    void previewsTheTenantsDraftUnderItsQuietHours() {
        long id = catalog.create(Previews.TENANT, DRAFT).id();
        settings.putQuietHours(Previews.TENANT, new QuietHoursRule(LocalTime.of(21, 30), LocalTime.of(8, 30), null,
                false), T0);

        PreviewResult result = preview(Previews.COMPILER).preview(Previews.TENANT, id, joined());

        assertThat(result.messages()).extracting("at").containsExactly(Instant.parse("2026-03-03T00:30:00Z"));
        assertThat(store.versions()).as("nothing published").isEmpty();
    }

    @Test
    void anotherTenantsJourneyIsNotFound() {
        long id = catalog.create(Previews.TENANT, DRAFT).id();

        assertThatThrownBy(() -> preview(Previews.COMPILER).preview(Previews.TENANT + 1, id, joined()))
                .isInstanceOf(JourneyNotFoundException.class);
    }

    @Test
    void aDraftThatNoLongerCompilesIsReportedWithItsErrors() {
        long id = catalog.create(Previews.TENANT, DRAFT).id();
        JourneyCompiler withoutTemplates = new JourneyCompiler(Set.of("wechat.coupon"),
                JourneyCompiler.Limits.defaults());

        assertThatThrownBy(() -> preview(withoutTemplates).preview(Previews.TENANT, id, joined()))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> assertThat(e.errors())
                        .extracting("pointer").contains("/nodes/hello/channel"));
    }

    @Test
    void aScenarioNeedsOneToAHundredEventsWithinAYear() {
        List<PreviewScenario.TimedEvent> many = new ArrayList<>(Collections.nCopies(PreviewScenario.MAX_EVENTS + 1,
                event("custom.joined", T0)));

        assertThatThrownBy(() -> new PreviewScenario(Map.of(), Set.of(), List.of(), null, Map.of()))
                .hasMessage("a preview takes 1 to 100 events, not 0");
        assertThatThrownBy(() -> new PreviewScenario(Map.of(), Set.of(), many, null, Map.of()))
                .hasMessage("a preview takes 1 to 100 events, not 101");
        assertThatThrownBy(() -> new PreviewScenario(Map.of(), Set.of(), List.of(event("custom.joined", T0),
                event("custom.joined", T0.plus(Duration.ofDays(367)))), null, Map.of()))
                .hasMessageContaining("covers at most 366 days");
        assertThatThrownBy(() -> new PreviewScenario(Map.of(), Set.of(), List.of(event("custom.joined", T0)),
                T0.plus(Duration.ofDays(367)), Map.of()))
                .hasMessageContaining("must lie between the first event (" + T0 + ") and 366 days after it");
        assertThatThrownBy(() -> new PreviewScenario(Map.of(), Set.of(), List.of(event("custom.joined", T0)),
                T0.minusSeconds(1), Map.of())).hasMessageContaining("must lie between");
        assertThatThrownBy(() -> event("Joined", T0)).hasMessageContaining("is not of the form <source>.<verb_ed>");
        assertThatThrownBy(() -> new PreviewScenario.WebhookAnswer(700, null)).hasMessageContaining("100 to 599");
    }
}
