package org.wayfarer.journey.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.Schedule;
import org.wayfarer.journey.definition.SendNode;
import org.wayfarer.journey.definition.Trigger;
import org.wayfarer.journey.definition.ValidationProblem;
import org.wayfarer.journey.segment.SegmentMembers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, edits and publishes journeys for the admin API. Every definition is compiled before it is stored, so a
 * stored draft always compiles; publishing compiles it again (the compiler's rules may have tightened since) and
 * freezes it as the next version.
 *
 * <p>A send node may name the {@code account} it sends from; that account must be connected to the journey's tenant
 * for the node's channel ({@link AccountOwnership}), or one tenant could send through another's official account.
 * {@link #validate} and {@link #publish} check it (error code {@code account-not-connected} at
 * {@code /nodes/<id>/account}); saving a draft does not, so a journey can be drafted before its account is connected.
 * The message is the same whether the account belongs to another tenant or to nobody, so it tells nothing about
 * other tenants.
 *
 * <p>A schedule or date trigger names a saved segment; {@link #validate} and {@link #publish} check the tenant has it
 * (error {@code unknown-segment} at {@code /trigger/segment}) when the catalog was given the segments, and that a
 * schedule's {@code at} has not passed (error {@code schedule-in-past} at {@code /trigger/schedule/at}): a journey
 * published after its one fire would never fire.
 *
 * <p>All methods are tenant-scoped: a journey of another tenant is reported as {@link JourneyNotFoundException}.
 * Thread-safe; concurrent edits of one journey are caught by the store's optimistic locking
 * ({@link org.wayfarer.journey.StaleDataException}).
 */
public final class JourneyCatalog {

    /** Column sizes of the {@code journey} table; the compiler does not know about storage. */
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 200;

    private final JourneyStore journeys;
    private final JourneyCompiler compiler;
    private final AccountOwnership accounts;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final PublicationListener listener;
    private final SegmentMembers segments;

    public JourneyCatalog(JourneyStore journeys, JourneyCompiler compiler, AccountOwnership accounts,
                          Transactions transactions, IdGenerator ids, Clock clock) {
        this(journeys, compiler, accounts, transactions, ids, clock, () -> { });
    }

    /** @param listener told after a publish committed (when this is called outside a transaction) */
    public JourneyCatalog(JourneyStore journeys, JourneyCompiler compiler, AccountOwnership accounts,
                          Transactions transactions, IdGenerator ids, Clock clock, PublicationListener listener) {
        this(journeys, compiler, accounts, transactions, ids, clock, listener, null);
    }

    /**
     * @param segments the tenant's saved segments, asked whether a trigger's segment exists; null to check only the
     *                 key's form (the compiler's check)
     */
    public JourneyCatalog(JourneyStore journeys, JourneyCompiler compiler, AccountOwnership accounts,
                          Transactions transactions, IdGenerator ids, Clock clock, PublicationListener listener,
                          SegmentMembers segments) {
        this.segments = segments;
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Compiles {@code json} and stores it as the draft of a new, unpublished journey; key and name come from the
     * definition.
     *
     * @throws InvalidJourneyException  listing every error when the definition does not compile
     * @throws JourneyKeyTakenException when the tenant already has a journey with this key
     */
    public JourneyView create(long tenantId, String json) {
        JourneyDefinition definition = orThrow(compile(json));
        Instant now = clock.instant();
        StoredJourney journey = new StoredJourney(ids.nextId(), tenantId, definition.key(), nameOf(definition), json,
                null, now, now, 0);
        transactions.run(() -> journeys.insert(journey));
        return view(journey);
    }

    /**
     * Compiles without storing anything and checks that every send account belongs to {@code tenantId}, as
     * {@link #publish} would; the answer lists every error and warning. Never throws for bad input.
     */
    public Compilation validate(long tenantId, String json) {
        Compilation compilation = compile(json);
        if (!compilation.valid()) {
            return compilation;
        }
        List<ValidationProblem> accountErrors = new ArrayList<>(triggerProblems(tenantId,
                compilation.definition().trigger()));
        accountErrors.addAll(accountProblems(tenantId, compilation.definition()));
        return accountErrors.isEmpty()
                ? compilation
                : new Compilation(null, accountErrors, compilation.warnings());
    }

    /** The tenant's journeys but the archived ones, oldest first. */
    public List<JourneyView> list(long tenantId) {
        return list(tenantId, null);
    }

    /**
     * The tenant's journeys in {@code status}, oldest first; with a null status every journey but the archived ones
     * (archived journeys are listed only when asked for).
     */
    public List<JourneyView> list(long tenantId, JourneyStatus status) {
        List<JourneyView> views = new ArrayList<>();
        for (StoredJourney journey : journeys.list(tenantId)) {
            boolean listed = status == null ? journey.status() != JourneyStatus.ARCHIVED : journey.status() == status;
            if (listed) {
                views.add(view(journey));
            }
        }
        return views;
    }

    /** @throws JourneyNotFoundException when the tenant has no such journey */
    public JourneyView get(long tenantId, long journeyId) {
        return view(load(tenantId, journeyId));
    }

    /**
     * Replaces the draft (and the name) of a journey. Published versions and the instances running on them are not
     * touched; the change goes live with the next {@link #publish}. The key identifies the journey and cannot change.
     *
     * @throws InvalidJourneyException   when the definition does not compile, or its key differs from the stored key
     *                                   (reported at pointer {@code /key} with code {@code key-changed})
     * @throws JourneyNotFoundException  when the tenant has no such journey
     * @throws JourneyStateException     when the journey is archived
     * @throws org.wayfarer.journey.StaleDataException when the journey changed concurrently
     */
    public JourneyView replaceDraft(long tenantId, long journeyId, String json) {
        JourneyDefinition definition = orThrow(compile(json));
        return transactions.inTransaction(() -> {
            StoredJourney current = load(tenantId, journeyId);
            LifecycleRules.after(journeyId, current.status(), LifecycleRules.Action.EDIT);
            if (!current.key().equals(definition.key())) {
                throw new InvalidJourneyException(List.of(new ValidationProblem("/key", "key-changed",
                        "the key of journey " + journeyId + " is '" + current.key() + "' and cannot be changed to '"
                                + definition.key() + "'; create a new journey for a new key")));
            }
            StoredJourney replaced = new StoredJourney(current.id(), tenantId, current.key(), nameOf(definition),
                    json, current.publishedVersion(), current.createdAt(), clock.instant(), current.version(),
                    current.status(), current.pausedAt(), current.resumedAt());
            journeys.update(replaced);
            return view(afterUpdate(replaced));
        });
    }

    /** {@link #publish(long, long, Map)} without a migration. */
    public JourneyView publish(long tenantId, long journeyId) {
        return publish(tenantId, journeyId, Map.of());
    }

    /**
     * Publishes the draft as the next version (1 for the first publish), which from then on takes new entries; earlier
     * versions stop accepting entries but keep their running instances. Publishing a draft that equals the latest
     * version changes nothing and answers the current state, so a retried publish does not create a new version; a
     * STOPPED journey always gets a new version and is PUBLISHED again, a PAUSED one stays paused (its new version takes
     * entries once resumed).
     *
     * <p>{@code migrate} (old node id to new node id; may be empty) is only checked here ({@link MigrationMap}): against
     * every version older than the latest one after this publish, and that latest one, so a retry of a publish whose
     * migration was cut short checks the same map against the same versions. Moving the instances is
     * {@link JourneyLifecycle#publish}'s job, after this commits.
     *
     * @throws InvalidJourneyException    when the draft no longer compiles, or a send node names an account that is
     *                                    not connected to the tenant; nothing is published then
     * @throws InvalidMigrationException  when {@code migrate} names nodes it cannot move instances from or to; nothing
     *                                    is published then
     * @throws JourneyNotFoundException   when the tenant has no such journey
     * @throws JourneyStateException      when the journey is archived
     * @throws org.wayfarer.journey.StaleDataException when the journey changed concurrently
     */
    public JourneyView publish(long tenantId, long journeyId, Map<String, String> migrate) {
        JourneyView view = transactions.inTransaction(() -> {
            StoredJourney current = load(tenantId, journeyId);
            JourneyStatus status = LifecycleRules.after(journeyId, current.status(), LifecycleRules.Action.PUBLISH);
            JourneyDefinition definition = orThrow(validate(tenantId, current.draftJson()));
            boolean unchanged = current.publishedVersion() != null && current.status() != JourneyStatus.STOPPED
                    && !draftDiffersFromLatest(current);
            int next = current.publishedVersion() == null ? 1 : current.publishedVersion() + (unchanged ? 0 : 1);
            if (!migrate.isEmpty()) {
                checkMigration(current, next, migrate);
            }
            if (unchanged) {
                return view(current);
            }
            Instant now = clock.instant();
            journeys.publish(new PublishedVersion(ids.nextId(), tenantId, journeyId, next,
                    definition.trigger().indexKey(), current.draftJson(), true, now));
            StoredJourney published = new StoredJourney(current.id(), tenantId, current.key(), current.name(),
                    current.draftJson(), next, current.createdAt(), now, current.version(), status,
                    current.pausedAt(), current.resumedAt());
            journeys.update(published);
            return view(afterUpdate(published));
        });
        listener.acceptingChanged();
        return view;
    }

    /** Against versions 1 .. target-1 as stored and the draft as version {@code target}. */
    private void checkMigration(StoredJourney journey, int target, Map<String, String> migrate) {
        Map<Integer, String> older = new LinkedHashMap<>();
        for (int number = 1; number < target; number++) {
            journeys.version(journey.tenantId(), journey.id(), number)
                    .ifPresent(version -> older.put(version.version(), version.definitionJson()));
        }
        List<ValidationProblem> problems = MigrationMap.problems(migrate, older, target, journey.draftJson());
        if (!problems.isEmpty()) {
            throw new InvalidMigrationException(journey.id(), problems);
        }
    }

    StoredJourney load(long tenantId, long journeyId) {
        return journeys.find(tenantId, journeyId).orElseThrow(() -> new JourneyNotFoundException(journeyId));
    }

    /** The compiler's answer plus what the store cannot hold; no account checks. */
    private Compilation compile(String json) {
        Compilation compilation = compiler.compile(json);
        if (!compilation.valid()) {
            return compilation;
        }
        List<ValidationProblem> storageErrors = storageProblems(compilation.definition());
        return storageErrors.isEmpty()
                ? compilation
                : new Compilation(null, storageErrors, compilation.warnings());
    }

    private static JourneyDefinition orThrow(Compilation compilation) {
        if (!compilation.valid()) {
            throw new InvalidJourneyException(compilation.errors());
        }
        return compilation.definition();
    }

    /** One error per send node whose explicit account the tenant has not connected, in node id order. */
    private List<ValidationProblem> accountProblems(long tenantId, JourneyDefinition definition) {
        List<ValidationProblem> problems = new ArrayList<>();
        definition.nodes().values().stream()
                .filter(node -> node instanceof SendNode send && send.account() != null)
                .sorted(Comparator.comparing(Node::id))
                .map(SendNode.class::cast)
                .filter(send -> !accounts.owns(tenantId, send.channel(), send.account()))
                .forEach(send -> problems.add(new ValidationProblem("/nodes/" + pointerToken(send.id()) + "/account",
                        "account-not-connected", "account " + send.account() + " is not connected to this tenant")));
        return problems;
    }

    /** What the compiler cannot know about a timed trigger: whether its segment exists, whether its time passed. */
    private List<ValidationProblem> triggerProblems(long tenantId, Trigger trigger) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (trigger.segment() != null && segments != null && !segments.exists(tenantId, trigger.segment())) {
            problems.add(new ValidationProblem("/trigger/segment", "unknown-segment", "this tenant has no segment '"
                    + trigger.segment() + "'; create it first (POST /api/v1/segments)"));
        }
        if (trigger.schedule() instanceof Schedule.At at && !at.at().isAfter(clock.instant())) {
            problems.add(new ValidationProblem("/trigger/schedule/at", "schedule-in-past", "at " + at.at()
                    + " has passed, so the journey would never fire; choose a later instant"));
        }
        return problems;
    }

    /** RFC 6901 escaping of one reference token. */
    private static String pointerToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<ValidationProblem> storageProblems(JourneyDefinition definition) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (definition.key() == null || definition.key().isBlank()) {
            problems.add(new ValidationProblem("/key", "required", "a journey needs a key"));
        } else if (definition.key().length() > MAX_KEY_LENGTH) {
            problems.add(new ValidationProblem("/key", "too-long",
                    "the key may have at most " + MAX_KEY_LENGTH + " characters"));
        }
        if (definition.name() != null && definition.name().length() > MAX_NAME_LENGTH) {
            problems.add(new ValidationProblem("/name", "too-long",
                    "the name may have at most " + MAX_NAME_LENGTH + " characters"));
        }
        return problems;
    }

    /** The column is NOT NULL; a definition without a name is shown under its key. */
    private static String nameOf(JourneyDefinition definition) {
        return definition.name() == null || definition.name().isBlank() ? definition.key() : definition.name();
    }

    /** The store bumps the row version on update; reflect that so the view matches what a re-read would show. */
    static StoredJourney afterUpdate(StoredJourney written) {
        return new StoredJourney(written.id(), written.tenantId(), written.key(), written.name(), written.draftJson(),
                written.publishedVersion(), written.createdAt(), written.updatedAt(), written.version() + 1,
                written.status(), written.pausedAt(), written.resumedAt());
    }

    JourneyView view(StoredJourney journey) {
        boolean published = journey.publishedVersion() != null;
        return new JourneyView(journey.id(), journey.key(), journey.name(), journey.status(),
                published ? journey.publishedVersion() : 0,
                published && draftDiffersFromLatest(journey),
                journey.draftJson(), journey.createdAt(), journey.updatedAt());
    }

    private boolean draftDiffersFromLatest(StoredJourney journey) {
        return journeys.version(journey.tenantId(), journey.id(), journey.publishedVersion())
                .map(latest -> !sameJson(latest.definitionJson(), journey.draftJson()))
                .orElse(true);
    }

    /** Re-indenting a definition is not a change worth publishing; compare as JSON trees. */
    private static boolean sameJson(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return JsonMapper.shared().readTree(a).equals(JsonMapper.shared().readTree(b));
        } catch (JacksonException e) {
            return false;
        }
    }
}
