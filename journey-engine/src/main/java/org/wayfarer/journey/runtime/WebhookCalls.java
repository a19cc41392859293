package org.wayfarer.journey.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wayfarer.journey.definition.WebhookNode;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.webhook.WebhookSender;

/**
 * How a webhook node's call travels: out through the outbox on the {@code webhook} channel, its answer back as a
 * {@value #RESPONDED} or {@value #FAILED} event of the contact naming the instance, node and step, which resumes
 * the instance parked at the node (at {@code next} with {@code webhook.<saveAs>}, or at {@code failed}). An answer
 * for a step the instance has left is ignored. Pure.
 */
public final class WebhookCalls {

    /** The channel webhook calls go out on. */
    public static final String CHANNEL = WebhookSender.CHANNEL;
    public static final String RESPONDED = "webhook.responded";
    public static final String FAILED = "webhook.failed";
    /** Message keys the runtime adds to the call, read back from the answer event. */
    public static final String INSTANCE = "instanceId";
    public static final String NODE = "node";
    public static final String SEQ = "seq";

    /**
     * How long past its attempts an unanswered call waits before it counts as failed: the dispatcher may defer a
     * retry (Retry-After up to 15 minutes, the rate limit, a backlog), and an answer must not lose that race.
     */
    static final Duration GRACE = Duration.ofHours(1);
    private static final Duration PER_ATTEMPT = Duration.ofMinutes(15);

    private WebhookCalls() {
    }

    static StepOutcome.CallWebhook call(WebhookNode node, StepContext ctx) {
        Map<String, Object> message = new LinkedHashMap<>(node.request().render(ctx.facts()));
        message.put("timeoutMs", node.timeout().toMillis());
        message.put("maxAttempts", node.retries() + 1);
        if (node.secret() != null) {
            message.put("secret", node.secret());
        }
        message.put(NODE, node.id());
        Instant deadline = ctx.now().plus(GRACE).plus(PER_ATTEMPT.plus(node.timeout()).multipliedBy(node.retries() + 1));
        return new StepOutcome.CallWebhook(message, deadline);
    }

    /** Whether {@code event} answers the call {@code instance} is parked on at {@code node}. */
    static boolean answers(ContactEvent event, JourneyInstance instance, WebhookNode node) {
        if (!RESPONDED.equals(event.type()) && !FAILED.equals(event.type())) {
            return false;
        }
        Map<String, Object> p = event.properties();
        return String.valueOf(instance.id()).equals(String.valueOf(p.get(INSTANCE)))
                && node.id().equals(p.get(NODE)) && String.valueOf(instance.seq()).equals(String.valueOf(p.get(SEQ)));
    }

    /** What {@code webhook.<saveAs>} holds: the response JSON object's fields plus {@code status}. */
    static Map<String, Object> responseView(ContactEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (event.properties().get("response") instanceof Map<?, ?> response) {
            response.forEach((key, value) -> view.put(String.valueOf(key), value));
        }
        view.put("status", event.properties().get("status"));
        return view;
    }
}
