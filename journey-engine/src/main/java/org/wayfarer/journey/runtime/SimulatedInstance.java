package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.coupon.LocalCouponStock;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.WebhookNode;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.settings.SendSettings;

/**
 * One hypothetical contact's instance of a journey, run in memory on a clock the caller moves: the runtime's own
 * decisions ({@link InstanceRunner}, {@link NodeBehaviours}, {@link EventDelivery}, the wake-up step, the
 * {@link SendPlanner}) with nothing read or written anywhere. What the preview of a draft runs on.
 *
 * <p>Differences from the runtime, by design: the contact is reachable on every channel (each send goes to a
 * placeholder address from the node's account, or none); frequency caps count only this instance's own sends; the
 * changes of update nodes are announced as events ({@link #takeAnnounced()}) for the caller to feed back; ids
 * (steps, sends) are counted from 1. Confined to one thread.
 */
public final class SimulatedInstance {

    /** The address every simulated send goes to. */
    public static final String ADDRESS = "preview";

    private final JourneyDefinition definition;
    private final InstanceRunner runner;
    private final LocalCouponStock stock = new LocalCouponStock();
    private final SendSettings tenantRules;
    private final HolidayCalendar calendar;
    private final long instanceId;
    private final Changes changes = new Changes();
    private final List<ContactEvent> announced = new ArrayList<>();
    private long lastId;
    private Contact contact;
    private ContactEvent trigger;
    private JourneyInstance instance;

    /**
     * @param tenantRules the tenant's quiet hours and caps (read by the caller; nothing is read here)
     * @param senders     the channels, for the kind of address each sends to
     * @param instanceId  the instance's id, which decides its split paths
     */
    public SimulatedInstance(JourneyDefinition definition, Contact contact, SendSettings tenantRules,
                             HolidayCalendar calendar, ChannelSenders senders, long instanceId) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.contact = Objects.requireNonNull(contact, "contact");
        this.tenantRules = Objects.requireNonNull(tenantRules, "tenantRules");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.instanceId = instanceId;
        this.runner = InstanceRunner.simulated(() -> ++lastId, Objects.requireNonNull(senders, "senders"),
                new HolidayCalendars(calendar));
    }

    /**
     * Enters the journey with {@code event} at {@code now}, as {@link ContactEventProcessor} would: the event's type
     * is the trigger's, its {@code when} holds and the entry key evaluates. Then runs from the start until the
     * instance waits or ends.
     *
     * @return whether it entered; false changes nothing
     * @throws IllegalStateException when it entered already
     */
    public boolean enter(ContactEvent event, Instant now) {
        if (instance != null) {
            throw new IllegalStateException("the simulated instance entered already, at " + instance.enteredAt());
        }
        Facts facts = Engine.facts(contact, event);
        // a timed trigger (schedule, date) has no event: the preview's first event stands for the fire
        if (!definition.trigger().timed() && !definition.trigger().event().equals(event.type())) {
            return false;
        }
        String entryKey = EventDelivery.entry(definition, facts, 0).key();
        if (entryKey == null) {
            return false;
        }
        trigger = event;
        JourneyInstance fresh = new JourneyInstance(instanceId, contact.tenantId(), 0, 0, contact.id(), entryKey, 0,
                InstanceStatus.ACTIVE, definition.start(), 0, null, now, now, null, null, 0);
        runner.step(changes, fresh, "ENTERED", event.type(), now);
        instance = runner.run(fresh, definition.start(), run(facts, now), changes);
        return true;
    }

    /**
     * Delivers a later event of the contact at {@code now}, as {@link ContactEventProcessor} does to a live
     * instance: exit criteria, the goal, then the waitFor or webhook call it is parked at. Does nothing once the
     * instance ended.
     *
     * @throws IllegalStateException before it entered
     */
    public void deliver(ContactEvent event, Instant now) {
        JourneyInstance current = entered();
        if (!current.status().isLive()) {
            return;
        }
        apply(EventDelivery.of(definition, current, event, Engine.facts(contact, event), now), current, event, now);
    }

    private void apply(EventDelivery.Effect effect, JourneyInstance current, ContactEvent event, Instant now) {
        if (effect instanceof EventDelivery.Converts converts) {
            runner.step(changes, converts.converted(), "GOAL_REACHED", event.type(), now);
            instance = converts.converted();
            apply(converts.then(), converts.converted(), event, now);
        } else if (effect instanceof EventDelivery.Exits exits) {
            instance = runner.end(current, InstanceStatus.EXITED, exits.reason(), now, changes);
        } else if (effect instanceof EventDelivery.ReachesGoal) {
            instance = runner.end(current, InstanceStatus.COMPLETED, "goal", now, changes);
        } else if (effect instanceof EventDelivery.Resumes resumes) {
            runner.step(changes, resumes.resumed(), resumes.outcome(), resumes.detail(), now);
            instance = runner.run(resumes.resumed(), resumes.next(),
                    run(Engine.facts(contact, trigger, resumes.resumed()), now), changes);
        }
    }

    /**
     * Fires the instance's timer at {@code now}, as {@link WakeupProcessor} does: a wait's end, a waitFor's timeout,
     * a webhook call's deadline.
     *
     * @throws IllegalStateException when the instance does not wait on a timer due by {@code now}
     */
    public void wake(Instant now) {
        JourneyInstance current = entered();
        if (current.status() != InstanceStatus.WAITING || current.wakeAt() == null || current.wakeAt().isAfter(now)) {
            throw new IllegalStateException("the simulated instance has no timer due by " + now);
        }
        Node waiting = WakeupProcessor.timerNode(definition, current);
        runner.step(changes, current, WakeupProcessor.timerOutcome(waiting), "due " + current.wakeAt(), now);
        instance = runner.run(current, NodeBehaviours.afterTimer(waiting),
                run(Engine.facts(contact, trigger, current), now), changes);
    }

    /** The webhook node the instance waits at for an answer, if it does. */
    public Optional<WebhookNode> awaitedWebhook() {
        if (instance == null || instance.status() != InstanceStatus.WAITING) {
            return Optional.empty();
        }
        return definition.node(instance.currentNode()) instanceof WebhookNode webhook
                ? Optional.of(webhook) : Optional.empty();
    }

    /**
     * Answers the webhook call the instance waits on, as the dispatcher does ({@link WebhookAnswers}): a 2xx
     * {@code status} with the response object, at {@code now}.
     */
    public void webhookResponded(int status, Map<String, Object> response, Instant now) {
        deliver(webhookAnswer(WebhookCalls.RESPONDED, WebhookAnswers.responded(pendingCall(), status, response), now),
                now);
    }

    /** Fails the webhook call the instance waits on with {@code code} (e.g. {@code http-404}) and {@code reason}. */
    public void webhookFailed(String code, String reason, Instant now) {
        deliver(webhookAnswer(WebhookCalls.FAILED, WebhookAnswers.failed(pendingCall(), code, reason), now), now);
    }

    /** The instance's state; empty before it entered. */
    public Optional<JourneyInstance> instance() {
        return Optional.ofNullable(instance);
    }

    /** The contact as the instance's update nodes left it. */
    public Contact contact() {
        return contact;
    }

    /** Every step the instance took, in order, as the step log would hold them. */
    public List<StepRecord> steps() {
        return changes.steps();
    }

    /**
     * Every send and webhook call queued, in order, as the outbox would hold them ({@code nextAttemptAt}: when it
     * would go out, after quiet hours and caps).
     */
    public List<OutboxMessage> sends() {
        return changes.sends();
    }

    /**
     * The {@code contact.updated} / {@code contact.tagged} / {@code contact.untagged} events the instance's update
     * nodes announced since the last call, in order; the runtime processes these after the batch that made them.
     */
    public List<ContactEvent> takeAnnounced() {
        List<ContactEvent> taken = List.copyOf(announced);
        announced.clear();
        return taken;
    }

    private JourneyInstance entered() {
        if (instance == null) {
            throw new IllegalStateException("the simulated instance has not entered");
        }
        return instance;
    }

    private InstanceRunner.Run run(Facts facts, Instant now) {
        SendPlanner planner = new SendPlanner(tenantRules, definition.sendRules(), StepContext.zoneOf(facts),
                calendar, () -> new ArrayList<>(changes.queuedFor(contact.id())), message -> Optional.empty());
        InstanceRunner.Addresses everywhere = (IdentityKind kind, String account) ->
                Optional.of(new Recipients.Recipient(account == null ? "" : account, ADDRESS));
        return new InstanceRunner.Run(definition, facts, now, everywhere, (at, update) -> update(at, update, now),
                planner, stock);
    }

    private ContactChange update(JourneyInstance at, StepOutcome.Update update, Instant now) {
        ContactChange change = ContactChange.of(contact, update.set(), update.unset(), update.addTags(),
                update.removeTags(), now);
        contact = change.after();
        if (!change.isEmpty()) {
            Identity identity = new Identity(IdentityKind.EXTERNAL, ADDRESS, ADDRESS);
            ContactAnnouncements.of(change, identity, "i:" + at.id() + ":" + at.seq(), now, () -> ++lastId, 0)
                    .forEach(announcement -> announced.add(announcement.event()));
        }
        return change;
    }

    /** The message of the webhook call the instance waits on (its outbox row's). */
    private Map<String, Object> pendingCall() {
        WebhookNode webhook = awaitedWebhook().orElseThrow(() -> new IllegalStateException(
                "the simulated instance waits for no webhook answer"));
        List<OutboxMessage> sent = changes.sends();
        for (int i = sent.size() - 1; i >= 0; i--) {
            OutboxMessage call = sent.get(i);
            if (WebhookCalls.CHANNEL.equals(call.channel()) && call.nodeId().equals(webhook.id())
                    && call.seq() == instance.seq()) {
                return call.message();
            }
        }
        throw new IllegalStateException("no call of webhook node '" + webhook.id() + "' was queued");
    }

    private ContactEvent webhookAnswer(String type, Map<String, Object> properties, Instant now) {
        return new ContactEvent(contact.tenantId(), WebhookAnswers.SOURCE, "preview:" + (++lastId), type,
                new Identity(IdentityKind.EXTERNAL, ADDRESS, ADDRESS), null, now, properties, Map.of());
    }
}
