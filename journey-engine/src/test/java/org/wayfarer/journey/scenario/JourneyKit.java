package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.runtime.TimerWheel;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.testing.MutableClock;
import org.wayfarer.journey.testing.RecordingSender;

/**
 * A small business-language test kit over the running engine: publish journeys, send events as a channel would,
 * move time, and look at what was sent. Processing is asynchronous (the real workers run), so every "then" waits.
 */
final class JourneyKit {

    static final long TENANT = 1;
    static final String APP = "wx00000000000000a1";
    private static final AtomicLong SEQ = new AtomicLong();

    private final JourneyCompiler compiler;
    private final JourneyStore journeys;
    private final EventIntake intake;
    private final EventLog events;
    private final ContactStore contacts;
    private final InstanceStore instances;
    private final Outbox outbox;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final MutableClock clock;
    private final RecordingSender sender;
    private final PublishedJourneys published;
    private final StepLog steps;
    private final JourneyCounters counters;
    private final TimerWheel timers;
    private final JdbcTemplate jdbc;

    /** The kit over the engine of a Spring test context ({@link EngineTestApplication}). */
    JourneyKit(ApplicationContext context) {
        this.compiler = context.getBean(JourneyCompiler.class);
        this.journeys = context.getBean(JourneyStore.class);
        this.intake = context.getBean(EventIntake.class);
        this.events = context.getBean(EventLog.class);
        this.contacts = context.getBean(ContactStore.class);
        this.instances = context.getBean(InstanceStore.class);
        this.outbox = context.getBean(Outbox.class);
        this.transactions = context.getBean(Transactions.class);
        this.ids = context.getBean(IdGenerator.class);
        this.clock = context.getBean(MutableClock.class);
        this.sender = context.getBean(RecordingSender.class);
        this.published = context.getBean(PublishedJourneys.class);
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        this.steps = context.getBean(StepLog.class);
        this.counters = context.getBean(JourneyCounters.class);
        this.timers = context.getBean(TimerWheel.class);
    }

    /** Publishes {@code json} as version 1 of a new journey; returns the journey id. */
    long publish(String json) {
        long id = ids.nextId();
        Instant now = clock.instant();
        String key = compile(json).definition().key();
        transactions.run(() -> journeys.insert(new StoredJourney(id, TENANT, key, key, json, null, now, now, 0)));
        publishVersion(id, 1, json);
        return id;
    }

    /** Publishes {@code json} as version {@code version} of an existing journey. */
    void publishVersion(long journeyId, int version, String json) {
        Compilation compilation = compile(json);
        transactions.run(() -> journeys.publish(new PublishedVersion(ids.nextId(), TENANT, journeyId, version,
                compilation.definition().trigger().indexKey(), json, true, clock.instant())));
        published.acceptingChanged(); // as the catalog does after a publish

    }

    private Compilation compile(String json) {
        Compilation compilation = compiler.compile(json);
        assertThat(compilation.errors()).as("journey definition errors").isEmpty();
        return compilation;
    }

    /** A follower scanned a parametric QR code ({@code scene}) and followed. */
    long follows(String openid, String scene) {
        return happens("wechat.followed", openid, Map.of("scene", scene), Map.of());
    }

    /** The member system synced attributes for the follower. */
    long synced(String openid, Map<String, Object> attributes) {
        return happens("contact.updated", openid, Map.of(), attributes);
    }

    /** Any event for the follower; waits until the engine has processed it. Returns the event id. */
    long happens(String type, String openid, Map<String, Object> properties, Map<String, Object> attributes) {
        return happensVia(APP, type, openid, properties, attributes);
    }

    /**
     * An event about the follower from {@code source}: {@code "api"} for the shop or member system posting to the
     * admin API, an appId for a WeChat callback. Waits until the engine has processed it.
     */
    long happensVia(String source, String type, String openid, Map<String, Object> properties,
                    Map<String, Object> attributes) {
        IntakeResult result = intake.accept(new ContactEvent(TENANT, source, "kit:" + SEQ.incrementAndGet(), type,
                Identity.wechatOpenid(APP, openid), null, clock.instant(), properties, attributes));
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                events.find(result.eventId()).orElseThrow().status() == EventStatus.PROCESSED);
        return result.eventId();
    }

    /** An event for the follower, handed to intake without waiting for it to be processed. Returns the event id. */
    long submits(String type, String openid, Map<String, Object> properties) {
        IntakeResult result = intake.accept(new ContactEvent(TENANT, APP, "kit:" + SEQ.incrementAndGet(), type,
                Identity.wechatOpenid(APP, openid), null, clock.instant(), properties, Map.of()));
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        return result.eventId();
    }

    /**
     * Waits until every one of the events has been processed, moving the clock on a second at each look, so that an
     * event whose batch failed (a deadlock victim on MariaDB) comes due for its retry, as it would in real time.
     */
    void awaitProcessed(List<Long> eventIds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            boolean all = eventIds.stream().allMatch(id ->
                    events.find(id).orElseThrow().status() == EventStatus.PROCESSED);
            if (!all) {
                clock.advance(Duration.ofSeconds(1));
            }
            return all;
        });
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Moves time on and claims the timers due by then at once, instead of waiting for the next poll. */
    void advanceAndFire(Duration duration) {
        clock.advance(duration);
        timers.pollOnce();
    }

    Instant now() {
        return clock.instant();
    }

    /** The follower's steps (outcome and detail, in the order taken), across every journey. */
    List<StepRecord> steps(String openid) {
        List<StepRecord> taken = new ArrayList<>(steps.forContact(TENANT, contactId(openid), 500));
        Collections.reverse(taken);
        return taken;
    }

    /** Node visits as the step log has them: one (instance, seq) per node entered, by node id. */
    Map<String, Long> nodeVisits(long journeyId) {
        Map<String, Long> visits = new HashMap<>();
        jdbc.query("SELECT node_id, COUNT(*) FROM (SELECT DISTINCT instance_id, seq, node_id FROM journey_step"
                        + " WHERE journey_id = ? AND seq > 0) v GROUP BY node_id",
                rs -> {
                    visits.put(rs.getString(1), rs.getLong(2));
                }, journeyId);
        return visits;
    }

    /** The journey's counters summed over all time, by node id then metric (journey level under ""). */
    Map<String, Map<String, Long>> counters(long journeyId) {
        return counters.sum(TENANT, journeyId, null, null, null);
    }

    /** Waits until exactly {@code count} messages have reached the channel for the follower, and returns them. */
    List<Delivery> awaitSent(String openid, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.to(openid).size() >= count);
        List<Delivery> sent = sender.to(openid);
        assertThat(sent).hasSize(count);
        return sent;
    }

    /** What the engine queued for the follower (after processing, before or after dispatch). */
    List<OutboxMessage> queuedFor(String openid) {
        return contactId(openid) == null ? List.of() : outbox.forContact(TENANT, contactId(openid), 100);
    }

    List<JourneyInstance> liveInstances(String openid) {
        return instances.liveFor(TENANT, contactId(openid));
    }

    JourneyInstance instance(long instanceId) {
        return instances.find(TENANT, instanceId).orElseThrow();
    }

    /** The follower's profile as stored now (attributes and tags). */
    Contact contact(String openid) {
        return contacts.findByIdentity(TENANT, Identity.wechatOpenid(APP, openid)).orElseThrow();
    }

    Long contactId(String openid) {
        return contacts.findByIdentity(TENANT, Identity.wechatOpenid(APP, openid)).map(c -> c.id()).orElse(null);
    }
}
