package org.wayfarer.journey.preview;

import java.util.Objects;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.catalog.InvalidJourneyException;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.settings.TenantSettings;

/**
 * Dry-runs a journey's draft for a hypothetical contact in virtual time ({@link PreviewRun}) and tells what would
 * happen: the path, the waits and branch decisions, the messages and when they would go out. Nothing is persisted or
 * sent: it reads the draft, the tenant's send settings and holiday calendar, and writes nowhere.
 *
 * <p>How the preview decides what the runtime would:
 * <ul>
 *   <li>the contact enters at the first event that satisfies the trigger (type, {@code when}, entry key); events
 *       before it are not delivered. The preview follows that one entry: later events never enter again;</li>
 *   <li>virtual time moves from event to event and to each timer (a wait's end, a waitFor's timeout) up to
 *       {@link PreviewScenario#horizon()}; an event at the same instant as a timer is delivered first, as a batch
 *       holding both does. Exit criteria, goals and waitFors see each event as the runtime's do, and the
 *       {@code contact.updated} / {@code contact.tagged} events of update nodes are delivered right after the run
 *       that made them;</li>
 *   <li>sends are placed under the tenant's and the journey's quiet hours and caps, caps counting only the preview's
 *       own sends; the contact is taken to be reachable on every channel;</li>
 *   <li>a webhook node is never called: with an answer in the scenario the call gets it at once (2xx:
 *       {@code next}, otherwise {@code failed}); without one the preview takes the node's {@code failed} path, or,
 *       when it has none, stops ({@value #WEBHOOK_NOT_SIMULATED});</li>
 *   <li>a split draws as the runtime does for instance id {@value PreviewRun#INSTANCE_ID}, so a preview is
 *       reproducible; a real contact's path depends on its own instance id;</li>
 *   <li>at most {@value PreviewRun#MAX_STEPS} steps, then the preview stops ({@value #STEP_LIMIT}).</li>
 * </ul>
 * Thread-safe.
 */
public final class JourneyPreview {

    /** End reason of a preview stopped at a webhook node without an answer or a {@code failed} path. */
    public static final String WEBHOOK_NOT_SIMULATED = "webhook-not-simulated";
    /** End reason of a preview that took {@value PreviewRun#MAX_STEPS} steps. */
    public static final String STEP_LIMIT = "preview-step-limit";

    private final JourneyCatalog catalog;
    private final JourneyCompiler compiler;
    private final TenantSettings settings;
    private final HolidayCalendars calendars;
    private final ChannelSenders senders;

    public JourneyPreview(JourneyCatalog catalog, JourneyCompiler compiler, TenantSettings settings,
                          HolidayCalendars calendars, ChannelSenders senders) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.senders = Objects.requireNonNull(senders, "senders");
    }

    /**
     * Runs {@code scenario} through the draft of the tenant's journey {@code journeyId}.
     *
     * @throws org.wayfarer.journey.catalog.JourneyNotFoundException when the tenant has no such journey
     * @throws InvalidJourneyException listing every error, when the draft no longer compiles
     */
    public PreviewResult preview(long tenantId, long journeyId, PreviewScenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        String draft = catalog.get(tenantId, journeyId).draftJson();
        Compilation compilation = compiler.compile(draft);
        if (!compilation.valid()) {
            throw new InvalidJourneyException(compilation.errors());
        }
        return new PreviewRun(compilation.definition(), tenantId, scenario, settings.sendSettings(tenantId),
                calendars.forTenant(tenantId), senders).run();
    }
}
