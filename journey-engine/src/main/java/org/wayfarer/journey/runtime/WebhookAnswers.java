package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.webhook.WebhookResponses;

/**
 * Turns a webhook call's final answer into an event of its contact ({@value WebhookCalls#RESPONDED} with
 * {@code status} and {@code response}, or {@value WebhookCalls#FAILED} with {@code code} and {@code reason}), naming
 * the instance, node and step it answers; processing it resumes the instance ({@link WebhookCalls}). Deduplicated
 * by delivery id, so an answer handed over twice resumes once. An answer that never comes (the dispatcher gave up
 * on its own) is covered by the node's deadline. Thread-safe; called on send threads.
 */
public final class WebhookAnswers implements WebhookResponses {

    /** The source of answer events. */
    static final String SOURCE = "webhook";

    private static final Logger log = LoggerFactory.getLogger(WebhookAnswers.class);

    private final Supplier<EventIntake> intake;
    private final ContactStore contacts;
    private final Clock clock;

    /** @param intake looked up on each answer (the intake and the dispatcher that calls this depend on each other) */
    public WebhookAnswers(Supplier<EventIntake> intake, ContactStore contacts, Clock clock) {
        this.intake = Objects.requireNonNull(intake);
        this.contacts = Objects.requireNonNull(contacts);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void responded(Delivery delivery, int status, Map<String, Object> json) {
        accept(delivery, WebhookCalls.RESPONDED, responded(delivery.message(), status, json));
    }

    @Override
    public void failed(Delivery delivery, String code, String reason) {
        accept(delivery, WebhookCalls.FAILED, failed(delivery.message(), code, reason));
    }

    /** The properties of the {@value WebhookCalls#RESPONDED} event answering {@code call} (the outbox message). */
    static Map<String, Object> responded(Map<String, Object> call, int status, Map<String, Object> json) {
        Map<String, Object> properties = answering(call);
        properties.put("status", status);
        properties.put("response", json);
        return properties;
    }

    /** The properties of the {@value WebhookCalls#FAILED} event answering {@code call} (the outbox message). */
    static Map<String, Object> failed(Map<String, Object> call, String code, String reason) {
        Map<String, Object> properties = answering(call);
        properties.put("code", code);
        properties.put("reason", reason);
        return properties;
    }

    private static Map<String, Object> answering(Map<String, Object> call) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : List.of(WebhookCalls.INSTANCE, WebhookCalls.NODE, WebhookCalls.SEQ)) {
            properties.put(key, call.get(key));
        }
        return properties;
    }

    private void accept(Delivery delivery, String type, Map<String, Object> properties) {
        long contactId = Long.parseLong(delivery.recipient());
        List<Identity> identities = contacts.identitiesOf(List.of(contactId)).getOrDefault(contactId, List.of());
        if (identities.isEmpty()) {
            log.warn("webhook delivery {}: contact {} has no identity left (erased?); its answer is dropped",
                    delivery.deliveryId(), contactId);
            return;
        }
        intake.get().accept(new ContactEvent(delivery.tenantId(), SOURCE, "d:" + delivery.deliveryId(), type,
                identities.get(0), null, clock.instant(), properties, Map.of()));
    }
}
