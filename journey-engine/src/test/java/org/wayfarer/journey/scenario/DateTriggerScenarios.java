package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.schedule.ScheduledFires;

/**
 * Date triggers end to end with the mutable clock, on each database (the subclasses): each contact enters at the local
 * time in its own zone on its own date, also when that local time falls on the previous UTC date (00:00-08:00 in
 * Shanghai), and again a year later. Time is walked forward an hour at a time with a poll after each step, as the
 * poller would see it; each test has attributes of its own (a per-test suffix).
 */
@SpringBootTest(classes = EngineTestApplication.class)
abstract class DateTriggerScenarios {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Everything but the database, which each subclass names. */
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("wayfarer.schedules.poll-interval", () -> "PT1H");
        registry.add("wayfarer.schedules.page-size", () -> "2");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyLifecycle lifecycle;
    @Autowired
    ScheduledFires fires;
    @Autowired
    JdbcTemplate jdbc;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private long birthdayJourney(String offset, String at) {
        long id = catalog.create(JourneyKit.TENANT, """
                {"key": "birthday-%1$s", "name": "Birthday",
                 "trigger": {"date": {"attribute": "bday_%1$s", "offset": "%2$s", "at": "%3$s", "everyYear": true}},
                 "entry": {"policy": "EVERY_TIME"},
                 "start": "greet",
                 "nodes": {"greet": {"type": "send", "channel": "wechat.template",
                                     "message": {"templateId": "TPL_BIRTHDAY"}}}}
                """.formatted(suffix, offset, at)).id();
        lifecycle.publish(JourneyKit.TENANT, id, Map.of());
        return id;
    }

    private void contact(String openid, String birthday, ZoneId zone) {
        kit.synced(openid, zone == null ? Map.of("bday_" + suffix, birthday)
                : Map.of("bday_" + suffix, birthday, "timezone", zone.getId()));
    }

    /** Moves time on an hour at a time to {@code end}, polling the fires and the timers after each step. */
    private void walkTo(Instant end) {
        while (kit.now().isBefore(end)) {
            Duration left = Duration.between(kit.now(), end);
            kit.advance(left.compareTo(Duration.ofHours(1)) < 0 ? left : Duration.ofHours(1));
            fires.pollOnce();
            kit.advanceAndFire(Duration.ZERO);
        }
    }

    /** When each of the contact's instances of the journey is (or was) due to take its first step. */
    private List<Instant> entries(long journeyId, String openid) {
        return jdbc.queryForList("SELECT entered_at FROM journey_instance WHERE journey_id = ? AND contact_id = ?"
                + " ORDER BY id", Long.class, journeyId, kit.contactId(openid)).stream().map(Instant::ofEpochMilli)
                .map(entered -> wakeOf(journeyId, openid, entered)).toList();
    }

    private Instant wakeOf(long journeyId, String openid, Instant enteredAt) {
        // the wake-up time is cleared once the first step ran; the ENTERED step's detail keeps it
        return kit.steps(openid).stream().filter(s -> s.journeyId() == journeyId && s.outcome().equals("ENTERED"))
                .filter(s -> !s.at().isBefore(enteredAt)).findFirst()
                .map(s -> Instant.parse(s.detail().substring(s.detail().lastIndexOf(' ') + 1))).orElseThrow();
    }

    @Test
    void entersThreeDaysBeforeTheBirthdayAtTenInEachContactsZoneAndAgainNextYear() {
        LocalDate birthday = kit.now().atZone(SHANGHAI).toLocalDate().plusDays(4);
        String born = birthday.withYear(1990).toString();
        contact("oSH" + suffix, born, null);
        contact("oNY" + suffix, born, NEW_YORK);
        contact("oBAD" + suffix, born + "T25:00", null);
        long journey = birthdayJourney("-P3D", "10:00");
        Instant tenInShanghai = ZonedDateTime.of(birthday.minusDays(3), LocalTime.of(10, 0), SHANGHAI).toInstant();
        Instant tenInNewYork = ZonedDateTime.of(birthday.minusDays(3), LocalTime.of(10, 0), NEW_YORK).toInstant();

        walkTo(tenInShanghai.minusSeconds(1));
        assertThat(kit.queuedFor("oSH" + suffix)).as("not before 10:00 in Shanghai").isEmpty();
        walkTo(tenInNewYork.plus(Duration.ofHours(1)));

        assertThat(kit.awaitSent("oSH" + suffix, 1).get(0).message()).containsEntry("templateId", "TPL_BIRTHDAY");
        assertThat(kit.awaitSent("oNY" + suffix, 1)).hasSize(1);
        assertThat(entries(journey, "oSH" + suffix)).containsExactly(tenInShanghai);
        assertThat(entries(journey, "oNY" + suffix)).as("10:00 in New York").containsExactly(tenInNewYork);
        assertThat(kit.queuedFor("oBAD" + suffix)).as("an unparsable date is skipped").isEmpty();
        assertThat(kit.counters(journey).get("")).containsEntry("entered", 2L).containsEntry("completed", 2L);

        Instant nextYear = ZonedDateTime.of(birthday.minusDays(3).plusYears(1), LocalTime.of(10, 0), SHANGHAI)
                .toInstant();
        kit.advance(Duration.between(kit.now(), nextYear.minus(Duration.ofMinutes(30))));
        fires.pollOnce();
        kit.advanceAndFire(Duration.ofMinutes(30));

        assertThat(kit.awaitSent("oSH" + suffix, 2)).hasSize(2);
        assertThat(entries(journey, "oSH" + suffix)).containsExactly(tenInShanghai, nextYear);
    }

    /**
     * The UTC-date trap: 07:00 in Shanghai on the 15th is 23:00 UTC on the 14th. The contacts entering then are those
     * whose local date is the 15th (a plain date, and an instant on the 14th in UTC that is the 15th in Shanghai), not
     * those born on the 14th, who entered a day earlier, at their own 07:00.
     */
    @Test
    void aBirthdayJourneyAtSevenInShanghaiPicksThePeopleWhoseLocalDateItIs() {
        LocalDate day = kit.now().atZone(SHANGHAI).toLocalDate().plusDays(2);
        LocalDate dayBefore = day.minusDays(1);
        contact("oLOCAL" + suffix, day.withYear(1990).toString(), null);
        contact("oINSTANT" + suffix, dayBefore.withYear(1990) + "T20:00:00Z", null);
        contact("oUTCDAY" + suffix, dayBefore.withYear(1990).toString(), null);
        long journey = birthdayJourney("P0D", "07:00");
        Instant sevenOnTheDay = ZonedDateTime.of(day, LocalTime.of(7, 0), SHANGHAI).toInstant();
        assertThat(sevenOnTheDay.atOffset(ZoneOffset.UTC).toLocalDate()).as("the UTC date is the day before")
                .isEqualTo(dayBefore);

        walkTo(sevenOnTheDay.plus(Duration.ofHours(1)));

        // the first steps run on the timers' threads: once each has sent, its ENTERED step is on record
        assertThat(kit.awaitSent("oLOCAL" + suffix, 1)).hasSize(1);
        assertThat(kit.awaitSent("oINSTANT" + suffix, 1)).hasSize(1);
        assertThat(kit.awaitSent("oUTCDAY" + suffix, 1)).hasSize(1);
        assertThat(entries(journey, "oLOCAL" + suffix)).containsExactly(sevenOnTheDay);
        assertThat(entries(journey, "oINSTANT" + suffix)).containsExactly(sevenOnTheDay);
        assertThat(entries(journey, "oUTCDAY" + suffix)).as("at 07:00 of its own local date")
                .containsExactly(ZonedDateTime.of(dayBefore, LocalTime.of(7, 0), SHANGHAI).toInstant());
    }
}
