package org.wayfarer.journey.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.WebhookNode;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Fallbacks;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.SimulatedInstance;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.runtime.WebhookCalls;
import org.wayfarer.journey.settings.SendSettings;

/**
 * One preview: moves virtual time from event to event and timer to timer over a {@link SimulatedInstance}, answers
 * its webhook calls from the scenario, and reads the result off the instance's steps and sends. Single use, one
 * thread.
 */
final class PreviewRun {

    /** The id of the previewed instance; a split's draw is a function of it. */
    static final long INSTANCE_ID = 1;
    /** The id of the hypothetical contact ({@code contact.id} in templates). */
    static final long CONTACT_ID = 0;
    /** Most steps a preview takes (a journey that loops through waits runs until its horizon otherwise). */
    static final int MAX_STEPS = 1000;
    /** The source of the scenario's events ({@code event.source}). */
    static final String SOURCE = "preview";

    private final JourneyDefinition definition;
    private final PreviewScenario scenario;
    private final SimulatedInstance instance;
    private final Instant horizon;
    private final List<String> answers = new ArrayList<>();
    private PreviewResult.Ended stopped;

    PreviewRun(JourneyDefinition definition, long tenantId, PreviewScenario scenario, SendSettings tenantRules,
               HolidayCalendar calendar, ChannelSenders senders) {
        this.definition = definition;
        this.scenario = scenario;
        this.horizon = scenario.horizon();
        Contact contact = new Contact(CONTACT_ID, tenantId, scenario.attributes(), scenario.start(), scenario.start(),
                0, scenario.tags());
        this.instance = new SimulatedInstance(definition, contact, tenantRules, calendar, senders, INSTANCE_ID);
    }

    PreviewResult run() {
        List<PreviewScenario.TimedEvent> events = scenario.inTimeOrder();
        int next = 0;
        Instant now = null;
        while (next < events.size() && !events.get(next).at().isAfter(horizon) && instance.instance().isEmpty()) {
            PreviewScenario.TimedEvent event = events.get(next);
            now = event.at();
            instance.enter(contactEvent(event, next++), now);
        }
        if (instance.instance().isEmpty()) {
            return result(new PreviewResult.Ended("NOT_ENTERED", "no event up to " + horizon + " satisfied the "
                    + "trigger (" + definition.trigger().event() + (definition.trigger().when() == null ? ""
                    : " when " + definition.trigger().when().source()) + ")", horizon));
        }
        settle(now);
        while (stopped == null && instance.instance().orElseThrow().status().isLive()) {
            if (instance.steps().size() >= MAX_STEPS) {
                stopped = new PreviewResult.Ended("STOPPED", JourneyPreview.STEP_LIMIT, now);
                break;
            }
            JourneyInstance current = instance.instance().orElseThrow();
            Instant wakeAt = current.status() == InstanceStatus.WAITING ? current.wakeAt() : null;
            Instant eventAt = next < events.size() ? events.get(next).at() : null;
            if (wakeAt != null && !wakeAt.isAfter(horizon) && (eventAt == null || wakeAt.isBefore(eventAt))) {
                now = wakeAt;
                instance.wake(now);
            } else if (eventAt != null && !eventAt.isAfter(horizon)) {
                now = eventAt;
                instance.deliver(contactEvent(events.get(next), next++), now);
            } else {
                break;
            }
            settle(now);
        }
        JourneyInstance last = instance.instance().orElseThrow();
        if (stopped != null) {
            return result(stopped);
        }
        if (last.status().isLive()) {
            return result(null);
        }
        return result(new PreviewResult.Ended(last.status().name(), last.endReason(), last.endedAt()));
    }

    /**
     * What follows a run at once: the contact changes it announced reach the instance, and a webhook call it made
     * gets its answer; repeated until neither is left.
     */
    private void settle(Instant now) {
        while (stopped == null) {
            if (instance.steps().size() >= MAX_STEPS) {
                stopped = new PreviewResult.Ended("STOPPED", JourneyPreview.STEP_LIMIT, now);
                return;
            }
            List<ContactEvent> announced = instance.takeAnnounced();
            announced.forEach(event -> instance.deliver(event, now));
            Optional<WebhookNode> awaited = instance.awaitedWebhook();
            if (awaited.isPresent()) {
                answer(awaited.get(), now);
            } else if (announced.isEmpty()) {
                return;
            }
        }
    }

    private void answer(WebhookNode webhook, Instant now) {
        PreviewScenario.WebhookAnswer answer = scenario.webhooks().get(webhook.id());
        if (answer != null && answer.succeeded()) {
            answers.add("status " + answer.status());
            instance.webhookResponded(answer.status(), answer.body(), now);
        } else if (answer != null) {
            answers.add("status " + answer.status());
            instance.webhookFailed("http-" + answer.status(), "the scenario answered " + answer.status(), now);
        } else if (webhook.failed() != null) {
            answers.add("not simulated: failed path");
            instance.webhookFailed("not-simulated", "the scenario has no answer for webhook node '" + webhook.id()
                    + "'", now);
        } else {
            answers.add("not simulated");
            stopped = new PreviewResult.Ended("STOPPED", JourneyPreview.WEBHOOK_NOT_SIMULATED, now);
        }
    }

    private ContactEvent contactEvent(PreviewScenario.TimedEvent event, int index) {
        Contact contact = instance.contact();
        return new ContactEvent(contact.tenantId(), SOURCE, SOURCE + ":" + index, event.type(),
                new Identity(IdentityKind.EXTERNAL, SOURCE, SOURCE), null, event.at(), event.properties(), Map.of());
    }

    private PreviewResult result(PreviewResult.Ended ended) {
        List<PreviewResult.Step> path = new ArrayList<>();
        for (StepRecord step : instance.steps()) {
            path.add(new PreviewResult.Step(step.nodeId(), step.at(), step.outcome(), step.detail()));
        }
        if (ended != null && JourneyPreview.WEBHOOK_NOT_SIMULATED.equals(ended.reason())) {
            JourneyInstance at = instance.instance().orElseThrow();
            path.add(new PreviewResult.Step(at.currentNode(), ended.at(), "WEBHOOK_NOT_SIMULATED",
                    "the scenario has no answer for this node, which has no failed path; add one under 'webhooks'"));
        }
        List<PreviewResult.Message> messages = new ArrayList<>();
        List<PreviewResult.WebhookCall> calls = new ArrayList<>();
        for (OutboxMessage send : instance.sends()) {
            if (WebhookCalls.CHANNEL.equals(send.channel())) {
                Map<String, Object> call = send.message();
                calls.add(new PreviewResult.WebhookCall(send.nodeId(), send.createdAt(), text(call.get("method")),
                        text(call.get("url")), call.get("body"),
                        calls.size() < answers.size() ? answers.get(calls.size()) : null));
            } else {
                messages.add(new PreviewResult.Message(send.nodeId(), send.channel(),
                        send.account().isEmpty() ? null : send.account(), send.createdAt(), send.nextAttemptAt(),
                        Fallbacks.strip(send.message())));
            }
        }
        JourneyInstance state = instance.instance().orElse(null);
        PreviewResult.Waiting waiting = ended == null
                ? new PreviewResult.Waiting(state.currentNode(), state.updatedAt(), state.wakeAt()) : null;
        return new PreviewResult(path, messages, calls, ended, waiting, horizon);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
