package org.wayfarer.journey.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.QuietHours;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.definition.SendNode;
import org.wayfarer.journey.definition.SendRules;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.settings.SendSettings;

/**
 * Places one run's sends ({@link SendSlots}) under the rules that apply: the tenant's quiet hours and caps, the
 * journey's quiet hours and caps (overriding the tenant's channel by channel), the node's quiet hours, in the zone
 * each names or else the contact's. The contact's sends on record are read only when a cap applies, once per run.
 *
 * <p>Priority settles a contested slot: a send is placed around the contact's sends of equal or higher priority and
 * those already out or being tried, but not around a lower-priority send that is only deferred (never attempted,
 * due later). Each such send whose slot the new one now crowds is placed again under its own journey's rules, from
 * its old slot on: {@link Displaced}, later or, past its own expiry, dropped.
 */
final class SendPlanner {

    /** How many of the contact's latest sends are read to count against caps. */
    static final int HISTORY = 200;

    /** How many times a send is placed again around lower-priority sends that keep their slots. */
    private static final int MAX_ROUNDS = 4;

    /** Where a send on record came from: the version its instance runs and that version's definition. */
    record Origin(int journeyVersion, JourneyDefinition definition) {
    }

    /** What placing a send decided, for it and for the lower-priority deferred sends whose slots it took. */
    record Placement(SendSlots.Decision decision, List<Displaced> displaced) {

        static Placement alone(SendSlots.Decision decision) {
            return new Placement(decision, List.of());
        }
    }

    /**
     * A deferred send that gave its slot up: {@link SendSlots.Deferred} to a later slot, or {@link SendSlots.Dropped}.
     *
     * @param from     the slot it gave up
     * @param priority its journey's priority
     */
    record Displaced(OutboxMessage message, Instant from, int journeyVersion, int priority,
                     SendSlots.Decision decision) {
    }

    /** The windows, caps, expiry and priority a send is placed under. */
    private record Rules(List<QuietHours> windows, List<FrequencyCap> caps, Duration expiry, int priority) {
    }

    /** A send on record and its slot; {@code origin} and {@code rules} are set when it may yield that slot. */
    private record OnRecord(OutboxMessage message, Instant at, Origin origin, Rules rules) {

        SendSlots.Sent sent() {
            return new SendSlots.Sent(message.channel(), at);
        }
    }

    private final SendSettings tenant;
    private final SendRules journey;
    private final ZoneId contactZone;
    private final HolidayCalendar calendar;
    private final Supplier<List<OutboxMessage>> history;
    private final Function<OutboxMessage, Optional<Origin>> origins;
    private List<OnRecord> onRecord;

    /**
     * @param history the contact's sends on record, newest first, and those queued earlier in this batch (any
     *                order); asked at most once
     * @param origins where a deferred send on record came from, when that is known (else it keeps its slot)
     */
    SendPlanner(SendSettings tenant, SendRules journey, ZoneId contactZone, HolidayCalendar calendar,
                Supplier<List<OutboxMessage>> history, Function<OutboxMessage, Optional<Origin>> origins) {
        this.tenant = tenant;
        this.journey = journey;
        this.contactZone = contactZone;
        this.calendar = calendar;
        this.history = history;
        this.origins = origins;
    }

    /** Places a send of this run's journey due at {@code due} (the run's now). */
    Placement place(Instant due, String channel, QuietHoursRule nodeQuietHours) {
        Rules rules = rules(journey, nodeQuietHours, channel);
        if (rules.windows().isEmpty() && rules.caps().isEmpty()) {
            return Placement.alone(new SendSlots.Now());
        }
        if (rules.caps().isEmpty()) {
            return Placement.alone(SendSlots.place(due, channel, rules.windows(), List.of(), List.of(),
                    rules.expiry(), calendar));
        }
        List<SendSlots.Sent> fixed = new ArrayList<>();
        List<OnRecord> yielding = new ArrayList<>();
        for (OnRecord record : onRecord(due)) {
            if (record.rules() != null && record.rules().priority() < rules.priority()) {
                yielding.add(record);
            } else {
                fixed.add(record.sent());
            }
        }
        yielding.sort(Comparator.comparingInt((OnRecord r) -> -r.rules().priority()).thenComparing(OnRecord::at)
                .thenComparingLong(r -> r.message().id()));
        SendSlots.Decision decision = SendSlots.place(due, channel, rules.windows(), rules.caps(), fixed,
                rules.expiry(), calendar);
        for (int round = 0; round < MAX_ROUNDS && !yielding.isEmpty(); round++) {
            if (decision instanceof SendSlots.Dropped) {
                break;
            }
            List<SendSlots.Sent> taken = new ArrayList<>(fixed);
            taken.add(new SendSlots.Sent(channel, slot(decision, due)));
            List<Displaced> displaced = new ArrayList<>();
            List<OnRecord> staying = replace(yielding, taken, displaced);
            if (staying.isEmpty()) {
                return commit(decision, displaced);
            }
            // a send that keeps its slot under its own rules still counts against this one's caps
            staying.forEach(record -> fixed.add(record.sent()));
            yielding.removeAll(staying);
            SendSlots.Decision around = SendSlots.place(due, channel, rules.windows(), rules.caps(), fixed,
                    rules.expiry(), calendar);
            if (around.equals(decision)) {
                return commit(decision, displaced);
            }
            decision = around;
        }
        if (!yielding.isEmpty() && !(decision instanceof SendSlots.Dropped)) {
            // no settled order within the rounds: take no one's slot
            yielding.forEach(record -> fixed.add(record.sent()));
            decision = SendSlots.place(due, channel, rules.windows(), rules.caps(), fixed, rules.expiry(), calendar);
        }
        return Placement.alone(decision);
    }

    /** Counts a send this run just placed at {@code at}, so the run's next sends see it. */
    void placed(OutboxMessage message) {
        if (onRecord != null) {
            onRecord.add(new OnRecord(message, message.nextAttemptAt(), null, null));
        }
    }

    /**
     * Places the yielding sends again around {@code taken} (which grows), in order, each from its slot on and under
     * its own rules; adds those that move or are dropped to {@code displaced} and returns those that keep their slot.
     */
    private List<OnRecord> replace(List<OnRecord> yielding, List<SendSlots.Sent> taken, List<Displaced> displaced) {
        List<OnRecord> staying = new ArrayList<>();
        for (OnRecord record : yielding) {
            Rules own = record.rules();
            OutboxMessage message = record.message();
            SendSlots.Decision again = SendSlots.place(record.at(), message.createdAt(), message.channel(),
                    own.windows(), own.caps(), taken, own.expiry(), calendar);
            if (again instanceof SendSlots.Now) {
                taken.add(record.sent());
                staying.add(record);
                continue;
            }
            displaced.add(new Displaced(message, record.at(), record.origin().journeyVersion(), own.priority(),
                    again));
            if (again instanceof SendSlots.Deferred moved) {
                taken.add(new SendSlots.Sent(message.channel(), moved.at()));
            }
        }
        return staying;
    }

    /** Keeps this run's view of the contact's sends current with what {@code displaced} moved or dropped. */
    private Placement commit(SendSlots.Decision decision, List<Displaced> displaced) {
        for (Displaced one : displaced) {
            OnRecord record = onRecord.stream().filter(r -> r.message().id() == one.message().id()).findFirst()
                    .orElseThrow();
            onRecord.remove(record);
            if (one.decision() instanceof SendSlots.Deferred moved) {
                onRecord.add(new OnRecord(record.message(), moved.at(), record.origin(), record.rules()));
            }
        }
        return new Placement(decision, displaced);
    }

    private static Instant slot(SendSlots.Decision decision, Instant due) {
        return decision instanceof SendSlots.Deferred deferred ? deferred.at() : due;
    }

    /** The rules a send of {@code rules}' journey on {@code channel} is placed under. */
    private Rules rules(SendRules rules, QuietHoursRule nodeQuietHours, String channel) {
        List<QuietHours> windows = new ArrayList<>();
        for (QuietHoursRule rule : new QuietHoursRule[] {tenant.quietHours(), rules.quietHours(), nodeQuietHours}) {
            if (rule != null) {
                windows.add(new QuietHours(rule.from(), rule.to(), rule.zone() != null ? rule.zone() : contactZone,
                        rule.holidays()));
            }
        }
        return new Rules(windows, caps(rules, channel), rules.expiry(), rules.priority());
    }

    /** The caps that apply to {@code channel}: the tenant's, each replaced by the journey's for the same channel. */
    private List<FrequencyCap> caps(SendRules rules, String channel) {
        Map<String, FrequencyCap> byChannel = new LinkedHashMap<>();
        for (FrequencyCap cap : tenant.caps()) {
            byChannel.put(cap.channel(), cap);
        }
        for (FrequencyCap cap : rules.caps()) {
            byChannel.put(cap.channel(), cap);
        }
        return byChannel.values().stream().filter(cap -> cap.applies(channel)).toList();
    }

    private List<OnRecord> onRecord(Instant now) {
        if (onRecord == null) {
            onRecord = new ArrayList<>();
            for (OutboxMessage message : history.get()) {
                if (message.status() == OutboxStatus.REJECTED || message.status() == OutboxStatus.DROPPED) {
                    continue; // refused by the provider, or withdrawn: the contact got nothing
                }
                boolean waiting = message.status() == OutboxStatus.PENDING || message.status() == OutboxStatus.SENDING;
                Instant at = waiting ? message.nextAttemptAt() : message.updatedAt();
                onRecord.add(mayYield(message, now) ? yielding(message, at) : new OnRecord(message, at, null, null));
            }
        }
        return onRecord;
    }

    /** Deferred and never tried: the only sends that may still give their slot up. */
    private static boolean mayYield(OutboxMessage message, Instant now) {
        return message.status() == OutboxStatus.PENDING && message.attempts() == 0
                && message.nextAttemptAt().isAfter(now);
    }

    /** A deferred send with the rules of the node that queued it, or one that keeps its slot when that is unknown. */
    private OnRecord yielding(OutboxMessage message, Instant at) {
        Optional<Origin> origin = origins.apply(message);
        if (origin.isPresent() && origin.get().definition().nodes().get(message.nodeId()) instanceof SendNode node
                && node.sendsOn(message.channel())) {
            Rules rules = rules(origin.get().definition().sendRules(), node.quietHours(), message.channel());
            return new OnRecord(message, at, origin.get(), rules);
        }
        return new OnRecord(message, at, null, null);
    }
}
