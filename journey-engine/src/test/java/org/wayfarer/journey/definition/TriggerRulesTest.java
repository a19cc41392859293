package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The three trigger kinds: what reads, every error with its pointer, the event trigger as it was. */
class TriggerRulesTest {

    private static ObjectNode withTrigger(String trigger) {
        ObjectNode document = Journeys.storeWelcome();
        document.set("trigger", Journeys.json(trigger));
        document.remove("entry");
        return document;
    }

    private static ListAssert<Tuple> errors(ObjectNode document) {
        return assertThat(Journeys.compile(document).errors().stream()
                .map(problem -> tuple(problem.pointer(), problem.code())).toList());
    }

    private static Trigger read(ObjectNode document) {
        Compilation compilation = Journeys.compile(document);
        assertThat(compilation.errors()).isEmpty();
        return compilation.definition().trigger();
    }

    @Test
    void eventTriggersReadAsBefore() {
        Trigger trigger = read(Journeys.storeWelcome());

        assertThat(trigger.event()).isEqualTo("wechat.followed");
        assertThat(trigger.when().source()).startsWith("event.scene != null");
        assertThat(trigger.timed()).isFalse();
        assertThat(trigger.indexKey()).isEqualTo("wechat.followed");
    }

    @Test
    void aCronScheduleReadsInItsZoneWithItsSegment() {
        Trigger trigger = read(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * MON\", \"zone\": \"Europe/Berlin\"},"
                + " \"segment\": \"vip\"}"));

        Schedule.Cron cron = (Schedule.Cron) trigger.schedule();
        assertThat(cron.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(trigger.segment()).isEqualTo("vip");
        assertThat(trigger.indexKey()).isEqualTo(Trigger.SCHEDULE_KEY);
        // Monday 2026-03-30 10:00 in Berlin (CEST since the 29th) is 08:00 UTC
        assertThat(cron.nextAfter(Instant.parse("2026-03-28T00:00:00Z"))).isEqualTo("2026-03-30T08:00:00Z");
    }

    @Test
    void aCronWithoutZoneIsInShanghai() {
        Schedule.Cron cron = (Schedule.Cron) read(withTrigger(
                "{\"schedule\": {\"cron\": \"0 0 10 * * *\"}, \"segment\": \"vip\"}")).schedule();

        assertThat(cron.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(cron.nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T02:00:00Z");
    }

    @Test
    void anAtScheduleIsAnInstant() {
        Trigger trigger = read(withTrigger(
                "{\"schedule\": {\"at\": \"2026-12-24T10:00:00+08:00\"}, \"segment\": \"vip\"}"));

        assertThat(trigger.schedule()).isEqualTo(new Schedule.At(Instant.parse("2026-12-24T02:00:00Z")));
    }

    @Test
    void aDateRuleReadsEveryField() {
        Trigger trigger = read(withTrigger("{\"date\": {\"attribute\": \"birthday\", \"offset\": \"-P3D\", "
                + "\"at\": \"10:00\", \"everyYear\": true}}"));

        assertThat(trigger.date()).isEqualTo(new DateRule("birthday", Period.ofDays(-3), LocalTime.of(10, 0), true));
        assertThat(trigger.segment()).isNull();
        assertThat(trigger.indexKey()).isEqualTo(Trigger.DATE_KEY);
    }

    @Test
    void aTriggerNeedsExactlyOneKind() {
        errors(withTrigger("{\"segment\": \"vip\"}")).containsExactly(tuple("/trigger/event", "missing-field"));
        errors(withTrigger("{\"event\": \"wechat.followed\", \"schedule\": {\"cron\": \"0 0 10 * * *\"}}"))
                .containsExactly(tuple("/trigger/schedule", "conflicting-fields"));
        errors(withTrigger("{\"schedule\": {\"at\": \"2026-12-24T10:00:00Z\"}, \"segment\": \"vip\", "
                + "\"date\": {\"attribute\": \"birthday\", \"at\": \"10:00\"}}"))
                .containsExactly(tuple("/trigger/date", "conflicting-fields"));
    }

    @Test
    void reportsEveryScheduleErrorWithItsPointer() {
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * *\"}, \"segment\": \"vip\"}"))
                .containsExactly(tuple("/trigger/schedule/cron", "bad-cron"));
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 0 30 2 *\"}, \"segment\": \"vip\"}"))
                .as("February 30 never comes").containsExactly(tuple("/trigger/schedule/cron", "bad-cron"));
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * *\", \"zone\": \"Mars/Olympus\"}, "
                + "\"segment\": \"vip\"}")).containsExactly(tuple("/trigger/schedule/zone", "bad-zone"));
        errors(withTrigger("{\"schedule\": {\"at\": \"2026-12-24 10:00\"}, \"segment\": \"vip\"}"))
                .containsExactly(tuple("/trigger/schedule/at", "bad-instant"));
        errors(withTrigger("{\"schedule\": {\"at\": \"2026-12-24T10:00:00\"}, \"segment\": \"vip\"}"))
                .as("no offset: not an instant").containsExactly(tuple("/trigger/schedule/at", "bad-instant"));
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * *\"}}"))
                .containsExactly(tuple("/trigger/segment", "missing-field"));
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * *\"}, \"segment\": \"VIP list\"}"))
                .containsExactly(tuple("/trigger/segment", "bad-value"));
        errors(withTrigger("{\"schedule\": {}, \"segment\": \"vip\"}"))
                .containsExactly(tuple("/trigger/schedule/cron", "missing-field"));
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * *\", \"at\": \"2026-12-24T10:00:00Z\"}, "
                + "\"segment\": \"vip\"}")).containsExactly(tuple("/trigger/schedule/at", "conflicting-fields"));
        errors(withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * *\"}, \"segment\": \"vip\", \"when\": \"true\"}"))
                .containsExactly(tuple("/trigger/when", "conflicting-fields"));
    }

    @Test
    void reportsEveryDateErrorAtOnce() {
        errors(withTrigger("{\"date\": {\"attribute\": \"birth day\", \"offset\": \"3 days\", \"at\": \"25:00\", "
                + "\"everyYear\": \"yes\"}}")).containsExactly(tuple("/trigger/date/attribute", "bad-value"),
                tuple("/trigger/date/offset", "bad-offset"), tuple("/trigger/date/at", "bad-time"),
                tuple("/trigger/date/everyYear", "bad-value"));
        errors(withTrigger("{\"date\": {}}")).containsExactly(tuple("/trigger/date/attribute", "missing-field"),
                tuple("/trigger/date/at", "missing-field"));
    }

    @Test
    void anEventTriggerTakesNoSegment() {
        errors(withTrigger("{\"event\": \"wechat.followed\", \"segment\": \"vip\"}"))
                .containsExactly(tuple("/trigger/segment", "conflicting-fields"));
    }

    @Test
    void aTimedTriggerTakesNoEntryKeyNorMinInterval() {
        ObjectNode document = withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * *\"}, \"segment\": \"vip\"}");
        document.set("entry", Journeys.json("{\"policy\": \"EVERY_TIME\", \"key\": \"contact.id\", "
                + "\"minInterval\": \"P1D\"}"));

        errors(document).containsExactly(tuple("/entry/key", "conflicting-fields"),
                tuple("/entry/minInterval", "conflicting-fields"));
    }

    @Test
    void warnsWhenARepeatingTriggerEntersEachContactOnce() {
        Compilation weekly = Journeys.compile(withTrigger(
                "{\"schedule\": {\"cron\": \"0 0 10 * * MON\"}, \"segment\": \"vip\"}"));
        Compilation birthday = Journeys.compile(withTrigger(
                "{\"date\": {\"attribute\": \"birthday\", \"at\": \"10:00\", \"everyYear\": true}}"));
        ObjectNode everyTime = withTrigger("{\"schedule\": {\"cron\": \"0 0 10 * * MON\"}, \"segment\": \"vip\"}");
        everyTime.set("entry", Journeys.json("{\"policy\": \"EVERY_TIME\"}"));
        Compilation once = Journeys.compile(withTrigger(
                "{\"schedule\": {\"at\": \"2026-12-24T10:00:00Z\"}, \"segment\": \"vip\"}"));

        assertThat(weekly.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/trigger", "repeating-trigger-enters-once"));
        assertThat(birthday.warnings()).extracting(ValidationProblem::code)
                .containsExactly("repeating-trigger-enters-once");
        assertThat(Journeys.compile(everyTime).warnings()).isEmpty();
        assertThat(once.warnings()).as("an 'at' fires once anyway").isEmpty();
    }
}
