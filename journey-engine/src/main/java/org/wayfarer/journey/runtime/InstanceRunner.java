package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.SendNode;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Fallbacks;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyStatistics;

/**
 * Runs an instance node after node until it waits or ends: decide with the pure node behaviours, record the
 * consequences in {@link Changes}, return the instance's new state. Does no I/O itself except looking up the
 * contact's channel addresses (lazily, once per run).
 */
public final class InstanceRunner {

    /**
     * Validation forbids cycles without a wait node, but a waitFor whose condition already holds passes at once, so a
     * run that takes this many steps ends the instance {@link InstanceStatus#FAILED} instead of spinning.
     */
    static final int MAX_STEPS_PER_RUN = 500;

    /** End reason of an instance that hit {@link #MAX_STEPS_PER_RUN}. */
    public static final String STEP_LIMIT = "step-limit";

    private final IdGenerator ids;
    private final SendRoutes routes;
    private final HolidayCalendars calendars;

    public InstanceRunner(IdGenerator ids, ChannelSenders senders, HolidayCalendars calendars) {
        this(ids, senders, calendars, true);
    }

    private InstanceRunner(IdGenerator ids, ChannelSenders senders, HolidayCalendars calendars, boolean askReach) {
        this.ids = Objects.requireNonNull(ids);
        this.routes = new SendRoutes(Objects.requireNonNull(senders), askReach);
        this.calendars = Objects.requireNonNull(calendars);
    }

    /** A runner for simulated runs (preview): it assumes every channel with an address can reach the contact. */
    static InstanceRunner simulated(IdGenerator ids, ChannelSenders senders, HolidayCalendars calendars) {
        return new InstanceRunner(ids, senders, calendars, false);
    }

    /**
     * Everything a run may look at; {@code recipients} reads the contact's identities on the first send only, and
     * {@code contactUpdates} applies an update node's change to the batch's contact.
     */
    record Run(JourneyDefinition definition, Facts facts, Instant now, Addresses recipients,
               ContactUpdates contactUpdates, SendPlanner sends, CouponStock couponStock) {
    }

    /** Where a run's sends go: the contact's address of a kind in {@code account} (null: any); {@link Recipients}. */
    interface Addresses {
        Optional<Recipients.Recipient> find(IdentityKind kind, String account);
    }

    /** Applies an update node's change to the contact (in memory, written with the batch) and returns the change. */
    interface ContactUpdates {
        ContactChange apply(JourneyInstance instance, StepOutcome.Update update);
    }

    /** Runs from {@code nodeId} (null: the path has ended) and returns the instance's new state. */
    JourneyInstance run(JourneyInstance instance, String nodeId, Run run, Changes changes) {
        StepContext context = new StepContext(run.facts(), run.now(), instance.id(),
                calendars.forTenant(instance.tenantId()));
        JourneyInstance current = instance;
        String next = nodeId;
        for (int steps = 0; next != null; steps++) {
            if (steps == MAX_STEPS_PER_RUN) {
                return end(current, InstanceStatus.FAILED, STEP_LIMIT, STEP_LIMIT + ": took " + MAX_STEPS_PER_RUN
                        + " steps without waiting (a loop whose wait never holds it, e.g. a waitFor whose condition "
                        + "already holds)", run.now(), changes);
            }
            Node node = run.definition().node(next);
            current = current.at(node.id(), run.now());
            count(changes, current, "entered", run.now());
            StepOutcome outcome = NodeBehaviours.enter(node, context);
            if (outcome instanceof StepOutcome.Advance advance) {
                step(changes, current, "ADVANCED", advance.detail() != null ? advance.detail() : advance.next(),
                        run.now());
                next = advance.next();
            } else if (outcome instanceof StepOutcome.Update update) {
                ContactChange change = run.contactUpdates().apply(current, update);
                step(changes, current, "UPDATED", describe(change), run.now());
                context = new StepContext(context.facts().withContact(Engine.contactView(change.after())),
                        context.now(), context.instanceId(), context.calendar());
                next = update.next();
            } else if (outcome instanceof StepOutcome.Split split) {
                count(changes, current, JourneyStatistics.PATH_METRIC + split.path(), run.now());
                step(changes, current, "SPLIT", "path " + split.path(), run.now());
                next = split.next();
            } else if (outcome instanceof StepOutcome.Dispatch dispatch) {
                SendRoutes.Route route = routes.route(dispatch, current, run.recipients(), run.now());
                if (route.chosen() == null) {
                    noChannel(changes, current, dispatch, route, run.now());
                    next = dispatch.failed() != null ? dispatch.failed() : dispatch.next();
                } else if (dispatch(changes, current, dispatch, route, run)) {
                    next = dispatch.next();
                } else {
                    next = dispatch.soldOut() != null ? dispatch.soldOut()
                            : dispatch.failed() != null ? dispatch.failed() : dispatch.next();
                }
            } else if (outcome instanceof StepOutcome.CallWebhook call) {
                Map<String, Object> message = new LinkedHashMap<>(call.message());
                message.put(WebhookCalls.INSTANCE, String.valueOf(current.id()));
                message.put(WebhookCalls.SEQ, current.seq());
                queue(changes, current, WebhookCalls.CHANNEL, noAddress(current), message, run.now());
                step(changes, current, "WEBHOOK_CALLED", "answer due by " + call.deadline(), run.now());
                return current.waitingUntil(call.deadline(), run.now());
            } else if (outcome instanceof StepOutcome.WaitUntil wait) {
                step(changes, current, "WAITING", "until " + wait.wakeAt(), run.now());
                return current.waitingUntil(wait.wakeAt(), run.now());
            } else if (outcome instanceof StepOutcome.WaitForEvent waitFor) {
                step(changes, current, "WAITING_FOR", waitFor.awaiting()
                        + (waitFor.timeoutAt() == null ? "" : " until " + waitFor.timeoutAt()), run.now());
                return current.waitingUntil(waitFor.timeoutAt(), run.now());
            } else if (outcome instanceof StepOutcome.Exit exit) {
                return end(current, InstanceStatus.COMPLETED, exit.reason(), run.now(), changes);
            } else {
                throw new IllegalStateException("unknown step outcome " + outcome);
            }
        }
        return end(current, InstanceStatus.COMPLETED, "path-ended", run.now(), changes);
    }

    /** The tenant's holiday calendar in force now. */
    HolidayCalendar calendar(long tenantId) {
        return calendars.forTenant(tenantId);
    }

    /** Ends a live instance (completed, exited or failed), recording the step and the journey-level counter. */
    JourneyInstance end(JourneyInstance instance, InstanceStatus status, String reason, Instant now, Changes changes) {
        return end(instance, status, reason, reason, now, changes);
    }

    /** {@link #end(JourneyInstance, InstanceStatus, String, Instant, Changes)} with a step detail of its own. */
    JourneyInstance end(JourneyInstance instance, InstanceStatus status, String reason, String detail, Instant now,
                        Changes changes) {
        step(changes, instance, status.name(), detail, now);
        String metric = endMetric(status);
        changes.count(new CounterDelta(instance.tenantId(), instance.journeyId(), instance.journeyVersion(), "",
                metric, now, 1));
        count(changes, instance, metric, now);     // the node it ended at: drop-off per node
        String entryKey = instance.entryKey().startsWith(EntryKeys.LIVE)
                ? EntryKeys.done(instance.id()) : instance.entryKey();
        return instance.ended(status, entryKey, reason, now);
    }

    /** The journey-level counter an end adds to (the metrics of {@code JourneyStatistics}). */
    private static String endMetric(InstanceStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case EXITED -> "exited";
            case FAILED -> "failed";
            case ACTIVE, WAITING -> throw new IllegalArgumentException(status + " is not an end of an instance");
        };
    }

    void step(Changes changes, JourneyInstance instance, String outcome, String detail, Instant now) {
        changes.step(new StepRecord(ids.nextId(), instance.tenantId(), instance.id(), instance.journeyId(),
                instance.journeyVersion(), instance.contactId(), instance.currentNode(), instance.seq(), outcome,
                truncate(detail), now));
    }

    /**
     * Queues a send at the slot its quiet hours and caps allow: now, later (a deferral the step log, the counters and
     * the timeline show) or not at all when that is past the journey's expiry (dropped, with the reason). Deferred
     * sends of lower priority whose slots it takes move later or are dropped, each on its own instance's record.
     * A coupon with a stock takes one first; returns false, sending nothing, when they are all issued.
     */
    private boolean dispatch(Changes changes, JourneyInstance at, StepOutcome.Dispatch dispatch,
                             SendRoutes.Route route, Run run) {
        String channel = route.chosen().channel();
        String passedOver = route.skipped().isEmpty() ? "" : " [" + String.join("; ", route.skipped()) + "]";
        SendNode.Stock stock = SendNode.COUPON_CHANNEL.equals(channel) ? dispatch.stock() : null;
        if (stock != null && !run.couponStock().take(at.tenantId(), at.journeyId(), at.currentNode(), stock.cardId(),
                stock.limit())) {
            count(changes, at, "soldOut", run.now());
            step(changes, at, "SOLD_OUT", stock.cardId() + ": all " + stock.limit() + " coupons issued", run.now());
            return false;
        }
        SendPlanner.Placement placement = run.sends().place(run.now(), channel, dispatch.quietHours());
        SendSlots.Decision decision = placement.decision();
        if (decision instanceof SendSlots.Dropped dropped) {
            if (stock != null) {
                run.couponStock().giveBack(at.tenantId(), at.journeyId(), at.currentNode(), stock.cardId());
            }
            count(changes, at, "dropped", run.now());
            step(changes, at, "SEND_DROPPED", channel + ": " + dropped.reason() + passedOver, run.now());
            return true;
        }
        Instant slot = decision instanceof SendSlots.Deferred deferred ? deferred.at() : run.now();
        OutboxMessage message = new OutboxMessage(ids.nextId(), at.tenantId(), at.id(), at.journeyId(),
                at.currentNode(), at.seq(), at.contactId(), channel, route.recipient().account(),
                route.recipient().address(), Fallbacks.attach(route.chosen().message(), route.fallbacks()),
                OutboxStatus.PENDING, 0, slot, null, null, null, run.now(), run.now());
        changes.send(message);
        run.sends().placed(message);
        int priority = run.definition().sendRules().priority();
        String ahead = placement.displaced().isEmpty() ? ""
                : ", ahead of " + placement.displaced().size() + " deferred send(s) of lower priority";
        if (decision instanceof SendSlots.Deferred deferred) {
            count(changes, at, "deferred", run.now());
            step(changes, at, "SEND_DEFERRED", channel + " " + deferred.reason() + " until " + slot
                    + " (priority " + priority + ahead + ")" + passedOver, run.now());
        } else {
            step(changes, at, "SEND_QUEUED", channel + (ahead.isEmpty() ? "" : " (priority " + priority
                    + ahead + ")") + passedOver, run.now());
        }
        for (SendPlanner.Displaced displaced : placement.displaced()) {
            displace(changes, displaced, "a priority " + priority + " send of journey " + at.journeyId(), run.now());
        }
        return true;
    }

    /**
     * Records on the displaced send's own instance and node that it gave its slot to {@code taker}: moved
     * ({@code SEND_DISPLACED}, counter {@code displaced}) or, past its expiry, dropped ({@code SEND_DROPPED}).
     */
    private void displace(Changes changes, SendPlanner.Displaced displaced, String taker, Instant now) {
        OutboxMessage m = displaced.message();
        String metric;
        String outcome;
        String detail;
        if (displaced.decision() instanceof SendSlots.Deferred moved) {
            changes.postpone(m, moved.at(), now);
            metric = "displaced";
            outcome = "SEND_DISPLACED";
            detail = m.channel() + " gave its slot " + displaced.from() + " to " + taker + "; " + moved.reason()
                    + " until " + moved.at() + " (priority " + displaced.priority() + ")";
        } else {
            String reason = ((SendSlots.Dropped) displaced.decision()).reason();
            changes.withdraw(m, "gave its slot " + displaced.from() + " to " + taker + "; " + reason, now);
            metric = "dropped";
            outcome = "SEND_DROPPED";
            detail = m.channel() + ": gave its slot to " + taker + "; " + reason;
        }
        changes.count(new CounterDelta(m.tenantId(), m.journeyId(), displaced.journeyVersion(), m.nodeId(), metric,
                now, 1));
        changes.step(new StepRecord(ids.nextId(), m.tenantId(), m.instanceId(), m.journeyId(),
                displaced.journeyVersion(), m.contactId(), m.nodeId(), m.seq(), outcome, truncate(detail), now));
    }

    /** Adds one to a metric of the node {@code at} is at, for its version. */
    private static void count(Changes changes, JourneyInstance at, String metric, Instant now) {
        changes.count(new CounterDelta(at.tenantId(), at.journeyId(), at.journeyVersion(), at.currentNode(), metric,
                now, 1));
    }

    /**
     * No channel of the send can be used: {@code NO_ADDRESS} when the contact has an address on none of them (the
     * detail names the channel and account, as for a one-channel send), else {@code NO_CHANNEL} with why each was
     * passed over.
     */
    private void noChannel(Changes changes, JourneyInstance at, StepOutcome.Dispatch dispatch, SendRoutes.Route route,
                           Instant now) {
        if (!route.addressed() && dispatch.choices().size() == 1) {
            step(changes, at, "NO_ADDRESS", dispatch.channel() + " via "
                    + (dispatch.account() == null ? "any account" : dispatch.account()), now);
        } else {
            step(changes, at, route.addressed() ? "NO_CHANNEL" : "NO_ADDRESS", String.join("; ", route.skipped()),
                    now);
        }
    }

    /** A channel without addresses (a webhook) gets the contact id as recipient and no account. */
    static Recipients.Recipient noAddress(JourneyInstance instance) {
        return new Recipients.Recipient("", String.valueOf(instance.contactId()));
    }

    /** The outbox row of this step's message; its id is the delivery id (unique per instance, node and seq). */
    private void queue(Changes changes, JourneyInstance at, String channel, Recipients.Recipient recipient,
                       Map<String, Object> message, Instant now) {
        changes.send(new OutboxMessage(ids.nextId(), at.tenantId(), at.id(), at.journeyId(), at.currentNode(),
                at.seq(), at.contactId(), channel, recipient.account(), recipient.address(), message,
                OutboxStatus.PENDING, 0, now, null, null, null, now, now));
    }

    private static String describe(ContactChange change) {
        if (change.isEmpty()) {
            return "no change";
        }
        List<String> parts = new ArrayList<>();
        if (!change.changed().isEmpty()) {
            parts.add("changed " + String.join(", ", change.changed()));
        }
        if (!change.tagged().isEmpty()) {
            parts.add("tagged " + String.join(", ", new TreeSet<>(change.tagged())));
        }
        if (!change.untagged().isEmpty()) {
            parts.add("untagged " + String.join(", ", new TreeSet<>(change.untagged())));
        }
        return String.join("; ", parts);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 255 ? detail : detail.substring(0, 252) + "...";
    }
}
