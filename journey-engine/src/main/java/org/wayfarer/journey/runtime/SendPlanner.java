package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.QuietHours;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.definition.SendRules;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.settings.SendSettings;

/**
 * Places one run's sends ({@link SendSlots}) under the rules that apply: the tenant's quiet hours and caps, the
 * journey's quiet hours and caps (overriding the tenant's channel by channel), the node's quiet hours, in the zone
 * each names or else the contact's. The contact's sends on record are read only when a cap applies, once per run.
 */
final class SendPlanner {

    /** How many of the contact's latest sends are read to count against caps. */
    static final int HISTORY = 200;

    private final SendSettings tenant;
    private final SendRules journey;
    private final ZoneId contactZone;
    private final HolidayCalendar calendar;
    private final Supplier<List<OutboxMessage>> history;
    private List<SendSlots.Sent> sent;

    /**
     * @param history the contact's sends on record, newest first, and those queued earlier in this batch (any
     *                order); asked at most once
     */
    SendPlanner(SendSettings tenant, SendRules journey, ZoneId contactZone, HolidayCalendar calendar,
                Supplier<List<OutboxMessage>> history) {
        this.tenant = tenant;
        this.journey = journey;
        this.contactZone = contactZone;
        this.calendar = calendar;
        this.history = history;
    }

    SendSlots.Decision place(Instant due, String channel, QuietHoursRule nodeQuietHours) {
        List<QuietHours> windows = new ArrayList<>();
        for (QuietHoursRule rule : new QuietHoursRule[] {tenant.quietHours(), journey.quietHours(), nodeQuietHours}) {
            if (rule != null) {
                windows.add(new QuietHours(rule.from(), rule.to(), rule.zone() != null ? rule.zone() : contactZone,
                        rule.holidays()));
            }
        }
        List<FrequencyCap> caps = caps(channel);
        if (windows.isEmpty() && caps.isEmpty()) {
            return new SendSlots.Now();
        }
        return SendSlots.place(due, channel, windows, caps, caps.isEmpty() ? List.of() : sent(), journey.expiry(),
                calendar);
    }

    /** Counts a send this run just placed at {@code at}, so the run's next sends see it. */
    void placed(String channel, Instant at) {
        if (sent != null) {
            sent.add(new SendSlots.Sent(channel, at));
        }
    }

    /** The caps that apply to {@code channel}: the tenant's, each replaced by the journey's for the same channel. */
    private List<FrequencyCap> caps(String channel) {
        Map<String, FrequencyCap> byChannel = new LinkedHashMap<>();
        for (FrequencyCap cap : tenant.caps()) {
            byChannel.put(cap.channel(), cap);
        }
        for (FrequencyCap cap : journey.caps()) {
            byChannel.put(cap.channel(), cap);
        }
        return byChannel.values().stream().filter(cap -> cap.applies(channel)).toList();
    }

    private List<SendSlots.Sent> sent() {
        if (sent == null) {
            sent = new ArrayList<>();
            for (OutboxMessage message : history.get()) {
                if (message.status() == OutboxStatus.REJECTED) {
                    continue; // refused by the provider: the contact got nothing
                }
                boolean waiting = message.status() == OutboxStatus.PENDING || message.status() == OutboxStatus.SENDING;
                sent.add(new SendSlots.Sent(message.channel(), waiting ? message.nextAttemptAt()
                        : message.updatedAt()));
            }
        }
        return sent;
    }
}
