package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.schedule.ScheduleState;
import org.wayfarer.journey.schedule.ScheduledFires;
import org.wayfarer.journey.segment.Segments;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedule triggers end to end with the mutable clock, on each database (the subclasses): a cron fire enters exactly
 * the segment's members and they are sent to, an {@code at} fires once, a fire cut short resumes from its last
 * committed page entering nobody twice, a paused journey fires only once resumed. The poller is called here (its own
 * interval is an hour, out of the way) with pages of two contacts, so every fire takes several pages. Attribute names
 * carry a per-test suffix; the journeys of earlier tests keep firing in later ones, so assertions look at the test's
 * own journey only.
 */
@SpringBootTest(classes = {EngineTestApplication.class, ScheduleScenarios.Faults.class})
abstract class ScheduleScenarios {

    /** Everything but the database, which each subclass names. */
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("wayfarer.schedules.poll-interval", () -> "PT1H");
        registry.add("wayfarer.schedules.page-size", () -> "2");
        registry.add("wayfarer.schedules.lease", () -> "PT1M");
    }

    /** The fires read segment pages through a fault that a test can arm. */
    @Configuration(proxyBeanMethods = false)
    static class Faults {

        @Bean
        @Primary
        FailingSegmentPages failingSegmentPages(Segments segments) {
            return new FailingSegmentPages(segments);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyLifecycle lifecycle;
    @Autowired
    Segments segments;
    @Autowired
    ScheduledFires fires;
    @Autowired
    FailingSegmentPages faults;
    @Autowired
    JdbcTemplate jdbc;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A fire's first steps are paced (wayfarer.schedules.first-steps-per-second, 500 by default: the n-th is due n /
     * 500 s after the fire), so a second after it every first step of these small fires is due.
     */
    private static final Duration PACED = Duration.ofSeconds(1);

    /** Gold members of the club (a segment of this test), and one silver who is not. */
    private List<String> club(int gold) {
        segments.create(JourneyKit.TENANT, JsonMapper.shared().readTree("{\"key\": \"gold-" + suffix
                + "\", \"name\": \"Gold\", \"filter\": {\"all\": [{\"attribute\": \"club_" + suffix
                + "\", \"op\": \"eq\", \"value\": \"gold\"}]}}"));
        kit.synced("oSILVER" + suffix, Map.of("club_" + suffix, "silver"));
        List<String> members = new java.util.ArrayList<>();
        for (int i = 0; i < gold; i++) {
            members.add("oGOLD" + i + suffix);
            kit.synced(members.get(i), Map.of("club_" + suffix, "gold"));
        }
        return members;
    }

    private String journey(String schedule, String policy) {
        return """
                {"key": "club-%1$s", "name": "Club news",
                 "trigger": {"schedule": %2$s, "segment": "gold-%1$s"},
                 "entry": {"policy": "%3$s"},
                 "start": "news",
                 "nodes": {"news": {"type": "send", "channel": "wechat.template",
                                    "message": {"templateId": "TPL_NEWS", "data": {"thing1": "{{event.fireAt}}"}}}}}
                """.formatted(suffix, schedule, policy);
    }

    private long published(String json) {
        long id = catalog.create(JourneyKit.TENANT, json).id();
        lifecycle.publish(JourneyKit.TENANT, id, Map.of());
        return id;
    }

    /** The next 10:00 in Shanghai after now. */
    private Instant nextTenInShanghai() {
        return CronExpression.parse("0 0 10 * * *").next(kit.now().atZone(ZoneId.of("Asia/Shanghai"))).toInstant();
    }

    private void at(Instant instant) {
        kit.advance(Duration.between(kit.now(), instant));
    }

    /** Instances of the journey per contact, for every contact of the tenant that has one. */
    private Map<Long, Long> instancesPerContact(long journeyId) {
        Map<Long, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT contact_id, COUNT(*) FROM journey_instance WHERE journey_id = ? GROUP BY contact_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }, journeyId);
        return counts;
    }

    private Map<Long, Long> each(List<String> openids, long times) {
        Map<Long, Long> expected = new java.util.TreeMap<>();
        openids.forEach(openid -> expected.put(kit.contactId(openid), times));
        return expected;
    }

    @Test
    void aCronFireEntersExactlyTheSegmentsMembersAndSendsToThem() {
        List<String> gold = club(3);
        long journey = published(journey("{\"cron\": \"0 0 10 * * *\", \"zone\": \"Asia/Shanghai\"}",
                "EVERY_TIME"));
        Instant ten = nextTenInShanghai();
        fires.pollOnce();
        assertThat(instancesPerContact(journey)).as("not due before 10:00").isEmpty();

        at(ten);
        fires.pollOnce();
        kit.advanceAndFire(PACED);

        for (String member : gold) {
            assertThat(kit.awaitSent(member, 1).get(0).message()).containsEntry("templateId", "TPL_NEWS")
                    .containsEntry("data", Map.of("thing1", ten.toString()));
        }
        assertThat(kit.queuedFor("oSILVER" + suffix)).isEmpty();
        assertThat(instancesPerContact(journey)).isEqualTo(each(gold, 1));
        assertThat(kit.counters(journey).get("")).containsEntry("entered", 3L).containsEntry("completed", 3L);
        assertThat(kit.steps(gold.get(0))).extracting(s -> s.outcome()).containsSequence("ENTERED", "SEND_QUEUED");
        ScheduleState state = fires.state(journey).orElseThrow();
        assertThat(state.lastFireAt()).isEqualTo(ten);
        assertThat(state.entered()).isEqualTo(3);
        assertThat(state.dueAt()).isEqualTo(ten.plus(Duration.ofDays(1)));

        at(ten.plus(Duration.ofDays(1)));
        fires.pollOnce();
        kit.advanceAndFire(PACED);
        gold.forEach(member -> kit.awaitSent(member, 2));
        assertThat(instancesPerContact(journey)).as("EVERY_TIME: once per fire").isEqualTo(each(gold, 2));
    }

    @Test
    void everyoneEntersAtTheFireTimeAndTheFirstStepsAreReleasedAtTheConfiguredPace() {
        List<String> gold = club(5);
        long journey = published(journey("{\"cron\": \"0 0 10 * * *\"}", "EVERY_TIME"));
        Instant ten = nextTenInShanghai();
        at(ten);
        fires.pollOnce();

        List<Long> entered = jdbc.queryForList("SELECT entered_at FROM journey_instance WHERE journey_id = ?",
                Long.class, journey);
        assertThat(entered).hasSize(5).allSatisfy(at -> assertThat(at).isEqualTo(ten.toEpochMilli()));
        // the first one is due now, so the timers may have run it already (its wake-up time is then cleared)
        List<Long> wakes = jdbc.queryForList("SELECT wake_at FROM journey_instance WHERE journey_id = ?"
                + " AND wake_at IS NOT NULL ORDER BY wake_at", Long.class, journey);
        assertThat(wakes).as("one first step every 2 ms at 500 a second").endsWith(ten.toEpochMilli() + 2,
                ten.toEpochMilli() + 4, ten.toEpochMilli() + 6, ten.toEpochMilli() + 8)
                .hasSizeBetween(4, 5).allSatisfy(wake -> assertThat(wake).isGreaterThanOrEqualTo(ten.toEpochMilli()));
        kit.advanceAndFire(Duration.ZERO);
        await().atMost(Duration.ofSeconds(10)).until(() -> gold.stream().filter(m -> !kit.queuedFor(m).isEmpty())
                .count() == 1);
        kit.advanceAndFire(PACED);
        gold.forEach(member -> kit.awaitSent(member, 1));
    }

    @Test
    void anAtScheduleFiresOnceAndNeverAgain() {
        List<String> gold = club(2);
        Instant at = kit.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long journey = published(journey("{\"at\": \"" + at + "\"}", "EVERY_TIME"));

        at(at.plusSeconds(5));
        fires.pollOnce();
        kit.advanceAndFire(PACED);
        gold.forEach(member -> kit.awaitSent(member, 1));
        kit.advance(Duration.ofDays(400));
        fires.pollOnce();

        assertThat(fires.state(journey).orElseThrow().dueAt()).isNull();
        assertThat(instancesPerContact(journey)).isEqualTo(each(gold, 1));
        assertThat(kit.counters(journey).get("")).containsEntry("entered", 2L);
    }

    @Test
    void aFireCutShortResumesFromItsLastCommittedPageAndEntersNobodyTwice() {
        List<String> gold = club(5);
        long journey = published(journey("{\"cron\": \"0 0 10 * * *\"}", "EVERY_TIME"));
        at(nextTenInShanghai());
        faults.failAfter("gold-" + suffix, 2);

        fires.pollOnce();

        ScheduleState cut = fires.state(journey).orElseThrow();
        assertThat(cut.firing()).isTrue();
        assertThat(cut.entered()).as("two pages of two committed").isEqualTo(4);
        assertThat(cut.cursor()).isEqualTo(kit.contactId(gold.get(3)));
        assertThat(instancesPerContact(journey)).hasSize(4);
        fires.pollOnce();
        assertThat(fires.state(journey).orElseThrow().entered()).as("the lease is still held").isEqualTo(4);

        kit.advance(Duration.ofMinutes(1).plusSeconds(1));
        fires.pollOnce();
        kit.advanceAndFire(PACED);

        gold.forEach(member -> kit.awaitSent(member, 1));
        assertThat(instancesPerContact(journey)).isEqualTo(each(gold, 1));
        assertThat(kit.counters(journey).get("")).containsEntry("entered", 5L);
        assertThat(fires.state(journey).orElseThrow().entered()).isEqualTo(5);
    }

    @Test
    void aPageRepeatedAfterACrashEntersNobodyTwice() {
        List<String> gold = club(3);
        long journey = published(journey("{\"cron\": \"0 0 10 * * *\"}", "EVERY_TIME"));
        at(nextTenInShanghai());
        faults.failAfter("gold-" + suffix, 1);
        fires.pollOnce();
        ScheduleState cut = fires.state(journey).orElseThrow();
        // as if the cursor's commit had been lost: the committed page's contacts are read again
        jdbc.update("UPDATE journey_schedule SET cursor_id = 0 WHERE journey_id = ?", journey);

        kit.advance(Duration.ofMinutes(2));
        fires.pollOnce();
        kit.advanceAndFire(PACED);

        gold.forEach(member -> kit.awaitSent(member, 1));
        assertThat(cut.entered()).isEqualTo(2);
        assertThat(instancesPerContact(journey)).isEqualTo(each(gold, 1));
        assertThat(kit.counters(journey).get("")).as("the repeated page counted nothing twice")
                .containsEntry("entered", 3L);
    }

    @Test
    void aPausedJourneyDoesNotFireAndFiresOnceLateWhenResumed() {
        List<String> gold = club(3);
        long journey = published(journey("{\"cron\": \"0 0 10 * * *\"}", "EVERY_TIME"));
        Instant ten = nextTenInShanghai();
        lifecycle.pause(JourneyKit.TENANT, journey);

        at(ten.plus(Duration.ofDays(2)).plusSeconds(60));
        fires.pollOnce();
        assertThat(instancesPerContact(journey)).as("paused: nobody enters").isEmpty();

        lifecycle.resume(JourneyKit.TENANT, journey);
        fires.pollOnce();
        kit.advanceAndFire(PACED);

        gold.forEach(member -> kit.awaitSent(member, 1));
        assertThat(instancesPerContact(journey)).as("three fires missed, one made up").isEqualTo(each(gold, 1));
        ScheduleState state = fires.state(journey).orElseThrow();
        assertThat(state.lastFireAt()).as("the latest missed fire").isEqualTo(ten.plus(Duration.ofDays(2)));
        assertThat(state.dueAt()).isEqualTo(ten.plus(Duration.ofDays(3)));
    }

    @Test
    void aOnceJourneyEntersEachContactOnTheFirstFireOnly() {
        List<String> gold = club(2);
        long journey = published(journey("{\"cron\": \"0 0 10 * * *\"}", "ONCE"));
        Instant ten = nextTenInShanghai();
        at(ten);
        fires.pollOnce();
        kit.synced("oLATE" + suffix, Map.of("club_" + suffix, "gold"));

        at(ten.plus(Duration.ofDays(1)));
        fires.pollOnce();

        List<String> everyone = new java.util.ArrayList<>(gold);
        everyone.add("oLATE" + suffix);
        assertThat(instancesPerContact(journey)).isEqualTo(each(everyone, 1));
        assertThat(kit.counters(journey).get("")).containsEntry("entered", 3L);
        assertThat(ZonedDateTime.ofInstant(fires.state(journey).orElseThrow().lastFireAt(),
                ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(10);
    }
}
