package org.wayfarer.journey.runtime;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.definition.EventCriterion;
import org.wayfarer.journey.definition.Expression;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.Goal;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.WaitForNode;
import org.wayfarer.journey.definition.WebhookNode;
import org.wayfarer.journey.event.ContactEvent;

/**
 * What a contact event does to one of the contact's live instances, and whether an event lets the contact enter a
 * journey: the decisions of {@link ContactEventProcessor}, shared with the preview of drafts
 * ({@link SimulatedInstance}) so both decide alike. Exit criteria come first (leaving wins over converting), then the
 * goal, then, for an instance parked at a waitFor or a webhook node, whether the event ends its wait. Pure.
 */
final class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private EventDelivery() {
    }

    /** What the event does to the instance. */
    sealed interface Effect {
    }

    /** The instance ends {@link InstanceStatus#EXITED} with {@code reason} ({@code exit-when:<event type>}). */
    record Exits(String reason) implements Effect {
    }

    /** The goal is reached: the instance ends {@link InstanceStatus#COMPLETED} with reason {@code goal}. */
    record ReachesGoal() implements Effect {
    }

    /**
     * The goal is reached by a goal without {@code exit}: count the conversion (once: {@code converted} remembers
     * it), then apply {@code then} (which already starts from {@code converted}, e.g. the event also ends a wait).
     */
    record Converts(JourneyInstance converted, Effect then) implements Effect {
    }

    /**
     * The wait at {@code parked} is over: record {@code outcome} ({@code detail}) and go on at {@code next}, as
     * {@code resumed} (the instance remembering the awaited event or the webhook's response).
     */
    record Resumes(Node parked, JourneyInstance resumed, String outcome, String detail, String next)
            implements Effect {
    }

    /** Nothing happens to the instance. */
    record Untouched() implements Effect {
    }

    /**
     * Decides what {@code event} does to {@code instance} (live, of {@code definition}) at {@code now}.
     *
     * @param facts the contact and {@code event} as conditions see them
     */
    static Effect of(JourneyDefinition definition, JourneyInstance instance, ContactEvent event, Facts facts,
                     Instant now) {
        for (EventCriterion criterion : definition.exitWhen()) {
            if (criterion.event().equals(event.type()) && holds(criterion.when(), facts)) {
                return new Exits("exit-when:" + event.type());
            }
        }
        Goal goal = definition.goal();
        if (goal != null && goal.event().equals(event.type()) && !instance.scope(GOAL).containsKey(GOAL_AT)
                && holds(goal.when(), facts)
                && (goal.within() == null || !now.isAfter(instance.enteredAt().plus(goal.within())))) {
            if (goal.exit()) {
                return new ReachesGoal();
            }
            JourneyInstance converted = instance.remembering(GOAL, GOAL_AT, now.toString());
            return new Converts(converted, parked(definition, converted, event, facts));
        }
        return parked(definition, instance, event, facts);
    }

    /** Context scope where a goal without exit remembers when it was reached ({@code goal.at}). */
    static final String GOAL = "goal";
    private static final String GOAL_AT = "at";

    /** Whether the event ends the wait the instance is parked at (a waitFor, a webhook call). */
    private static Effect parked(JourneyDefinition definition, JourneyInstance instance, ContactEvent event,
                                 Facts facts) {
        if (instance.status() != InstanceStatus.WAITING) {
            return new Untouched();
        }
        Node parked = definition.node(instance.currentNode());
        if (parked instanceof WaitForNode waitFor && NodeBehaviours.arrived(waitFor, event.type(), facts)) {
            JourneyInstance arrived = waitFor.event() == null ? instance
                    : instance.remembering(Engine.WAITED, waitFor.id(), facts.event());
            return new Resumes(waitFor, arrived, waitFor.event() != null ? "EVENT_ARRIVED" : "CONDITION_MET",
                    event.type(), waitFor.next());
        }
        if (parked instanceof WebhookNode webhook && WebhookCalls.answers(event, instance, webhook)) {
            boolean responded = WebhookCalls.RESPONDED.equals(event.type());
            JourneyInstance answered = responded && webhook.saveAs() != null
                    ? instance.remembering(Engine.WEBHOOK, webhook.saveAs(), WebhookCalls.responseView(event))
                    : instance;
            Object status = responded ? event.properties().get("status") : event.properties().get("code");
            return new Resumes(webhook, answered, responded ? "WEBHOOK_RESPONDED" : "WEBHOOK_FAILED",
                    String.valueOf(status), responded ? webhook.next() : webhook.failed());
        }
        return new Untouched();
    }

    /**
     * The entry an event would make: its entry key, or why there is none ({@code refused} with a {@code detail} a
     * person can read: the condition that was false, the key expression that gave null).
     */
    record Entry(String key, EntryDecision.Reason refused, String detail) {
    }

    /**
     * The entry key under which {@code event} (stored as {@code eventId}) enters {@code definition}, whose trigger
     * names the event's type, or why it does not enter: the trigger's {@code when} does not hold, or the entry
     * {@code key} gives null. Whether the key is still free (entry policy, {@code minInterval}) is the caller's
     * question.
     */
    static Entry entry(JourneyDefinition definition, Facts facts, long eventId) {
        if (!holds(definition.trigger().when(), facts)) {
            return new Entry(null, EntryDecision.Reason.TRIGGER_FILTER_FALSE, definition.trigger().when().source());
        }
        String key = null;
        if (definition.entry().key() != null) {
            Object value;
            try {
                value = definition.entry().key().evaluate(facts);
            } catch (RuntimeException e) {
                log.warn("entry key failed, not entering: {}", e.getMessage());
                value = null;
            }
            if (value == null) {
                log.debug("journey {} entry key is null for event {}; not entering", definition.key(), eventId);
                return new Entry(null, EntryDecision.Reason.ENTRY_KEY_NULL, definition.entry().key().source());
            }
            key = String.valueOf(value);
        }
        return new Entry(EntryKeys.of(definition.entry().policy(), key, eventId), null, null);
    }

    /** An absent condition holds; one that fails to evaluate does not (it is logged, never fatal to the event). */
    static boolean holds(Expression condition, Facts facts) {
        if (condition == null) {
            return true;
        }
        try {
            return condition.test(facts);
        } catch (RuntimeException e) {
            log.warn("condition failed, treated as false: {}", e.getMessage());
            return false;
        }
    }
}
