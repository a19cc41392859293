package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.QuietHours;
import org.wayfarer.journey.definition.FrequencyCap;

class SendSlotsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HolidayCalendar CN = HolidayCalendar.bundled();
    private static final QuietHours NIGHTS = new QuietHours(LocalTime.of(21, 30), LocalTime.of(8, 30), SHANGHAI, false);
    private static final QuietHours NIGHTS_AND_HOLIDAYS =
            new QuietHours(LocalTime.of(21, 30), LocalTime.of(8, 30), SHANGHAI, true);
    private static final FrequencyCap ONE_TEMPLATE_A_DAY = new FrequencyCap("wechat.template", 1, Duration.ofDays(1));
    private static final Duration DAY = Duration.ofDays(1);

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aSendOutsideEveryRuleGoesNow() {
        assertThat(SendSlots.place(shanghai("2026-03-02T10:00"), "wechat.template", List.of(NIGHTS),
                List.of(ONE_TEMPLATE_A_DAY), List.of(), DAY, CN)).isEqualTo(new SendSlots.Now());
    }

    @Test
    void aSendInQuietHoursWaitsForTheMorning() {
        assertThat(SendSlots.place(shanghai("2026-03-02T23:10"), "wechat.template", List.of(NIGHTS), List.of(),
                List.of(), DAY, CN))
                .isEqualTo(new SendSlots.Deferred(shanghai("2026-03-03T08:30"), "quiet hours"));
    }

    @Test
    void holidaysAreQuietAllDaySoNationalDayWaitsUntilTheFirstWorkingMorning() {
        assertThat(SendSlots.place(shanghai("2025-10-01T10:00"), "wechat.template", List.of(NIGHTS_AND_HOLIDAYS),
                List.of(), List.of(), Duration.ofDays(10), CN))
                .isEqualTo(new SendSlots.Deferred(shanghai("2025-10-09T08:30"), "quiet hours"));
    }

    @Test
    void aCappedSendWaitsUntilTheOldestSendInTheWindowLeavesIt() {
        Instant yesterday = shanghai("2026-03-01T15:00");

        assertThat(SendSlots.place(shanghai("2026-03-02T10:00"), "wechat.template", List.of(),
                List.of(ONE_TEMPLATE_A_DAY), List.of(new SendSlots.Sent("wechat.template", yesterday)), DAY, CN))
                .isEqualTo(new SendSlots.Deferred(yesterday.plus(DAY),
                        "capped at 1 per PT24H on wechat.template"));
        assertThat(SendSlots.place(shanghai("2026-03-02T10:00"), "wechat.kefu", List.of(),
                List.of(ONE_TEMPLATE_A_DAY), List.of(new SendSlots.Sent("wechat.template", yesterday)), DAY, CN))
                .as("another channel is not capped").isEqualTo(new SendSlots.Now());
    }

    @Test
    void aSendAlreadyDeferredToLaterCountsSoTwoNeverShareASlot() {
        Instant now = shanghai("2026-03-02T10:00");
        Instant deferredTo = shanghai("2026-03-02T18:00");

        assertThat(SendSlots.place(now, "wechat.template", List.of(), List.of(ONE_TEMPLATE_A_DAY),
                List.of(new SendSlots.Sent("wechat.template", deferredTo)), Duration.ofDays(3), CN))
                .isEqualTo(new SendSlots.Deferred(deferredTo.plus(DAY), "capped at 1 per PT24H on wechat.template"));
    }

    @Test
    void aCapThatEndsInQuietHoursWaitsForTheMorningAfter() {
        Instant lastNight = shanghai("2026-03-01T22:00");

        assertThat(SendSlots.place(shanghai("2026-03-02T10:00"), "wechat.template", List.of(NIGHTS),
                List.of(ONE_TEMPLATE_A_DAY), List.of(new SendSlots.Sent("wechat.template", lastNight)),
                Duration.ofDays(2), CN)).isEqualTo(new SendSlots.Deferred(shanghai("2026-03-03T08:30"),
                "quiet hours"));
    }

    @Test
    void aSlotPastTheExpiryDropsTheSendSayingWhy() {
        Instant now = shanghai("2026-03-02T10:00");

        assertThat(SendSlots.place(now, "wechat.template", List.of(), List.of(ONE_TEMPLATE_A_DAY),
                List.of(new SendSlots.Sent("wechat.template", now.minusSeconds(60))), Duration.ofHours(12), CN))
                .isEqualTo(new SendSlots.Dropped("capped at 1 per PT24H on wechat.template until "
                        + now.minusSeconds(60).plus(DAY) + ", past the expiry PT12H"));
    }
}
