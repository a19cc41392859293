package org.wayfarer.journey.webhook;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * The {@value #CHANNEL} channel: sends a journey's webhook call through the outbox.
 *
 * <p>{@link Delivery#message()} is the rendered webhook: {@code url} (required), {@code method} (default POST),
 * {@code headers} (object of string, number or boolean values), {@code body} (a string sent as-is, or any other JSON
 * value, e.g. an object, serialized), {@code timeoutMs} (whole milliseconds, default 5000, at most 30000) and
 * {@code secret} (optional: signs the call) and {@code maxAttempts} (optional: a retryable failure on that attempt is
 * final, {@code retries-exhausted}). Other keys are ignored. {@link Delivery#recipient()} and
 * {@link Delivery#account()} are not used by the call.
 *
 * <table>
 *   <caption>Receipts</caption>
 *   <tr><th>{@link WebhookResult}</th><th>receipt</th><th>{@link WebhookResponses}</th></tr>
 *   <tr><td>Succeeded</td><td>Accepted, no provider message id</td><td>responded</td></tr>
 *   <tr><td>Failed, or an invalid message ({@code invalid-message})</td><td>Rejected</td><td>failed</td></tr>
 *   <tr><td>Retryable</td><td>RetryLater</td><td>not called: the dispatcher tries again</td></tr>
 *   <tr><td>TimedOut</td><td>Unknown</td><td>failed, code {@code timeout}: with no idempotency window the
 *       dispatcher never repeats it, so it is final</td></tr>
 * </table>
 *
 * <p>The idempotency window is zero: receivers get {@code X-Wayfarer-Delivery} to de-duplicate on, but nothing
 * guarantees they do, so a call whose outcome is unknown is never repeated. Never throws for what the receiver,
 * network or listener does. Thread-safe.
 */
public final class WebhookSender implements ChannelSender {

    /** The channel name in journey definitions. */
    public static final String CHANNEL = "webhook";
    /** Listener code for {@link WebhookResult.TimedOut}. */
    public static final String TIMEOUT = "timeout";
    /** Receipt and listener code for a retryable failure on the message's last allowed attempt. */
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    /** Receipt and listener code for a message that is not a valid webhook. */
    public static final String INVALID_MESSAGE = "invalid-message";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookClient client;
    private final WebhookResponses responses;

    public WebhookSender(WebhookClient client, WebhookResponses responses) {
        this.client = Objects.requireNonNull(client, "client");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** None: a webhook needs no contact address (the delivery's recipient is the contact id). */
    @Override
    public IdentityKind addressKind() {
        return null;
    }

    @Override
    public Duration idempotencyWindow() {
        return Duration.ZERO;
    }

    @Override
    public SendReceipt send(Delivery delivery) {
        WebhookRequest request;
        try {
            request = WebhookMessage.request(delivery);
        } catch (IllegalArgumentException e) {
            tellFailed(delivery, INVALID_MESSAGE, e.getMessage());
            return new SendReceipt.Rejected(INVALID_MESSAGE, e.getMessage());
        }
        WebhookResult result = client.call(request);
        if (result instanceof WebhookResult.Succeeded succeeded) {
            tell(delivery, () -> responses.responded(delivery, succeeded.status(), succeeded.json()));
            return new SendReceipt.Accepted(null);
        }
        if (result instanceof WebhookResult.Failed failed) {
            tellFailed(delivery, failed.code(), failed.reason());
            return new SendReceipt.Rejected(failed.code(), failed.reason());
        }
        if (result instanceof WebhookResult.Retryable retryable) {
            if (delivery.attempt() >= WebhookMessage.maxAttempts(delivery)) {
                String reason = "gave up after " + delivery.attempt() + " attempts: " + retryable.reason();
                tellFailed(delivery, RETRIES_EXHAUSTED, reason);
                return new SendReceipt.Rejected(RETRIES_EXHAUSTED, reason);
            }
            return new SendReceipt.RetryLater(retryable.code(), retryable.reason(), retryable.after());
        }
        WebhookResult.TimedOut timedOut = (WebhookResult.TimedOut) result;
        tellFailed(delivery, TIMEOUT, timedOut.reason());
        return new SendReceipt.Unknown(timedOut.reason());
    }

    private void tellFailed(Delivery delivery, String code, String reason) {
        tell(delivery, () -> responses.failed(delivery, code, reason));
    }

    /** The receipt stands whatever the listener does: the call was made (or refused) either way. */
    private static void tell(Delivery delivery, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("the webhook listener failed for delivery {}; its journey instance was not resumed",
                    delivery.deliveryId(), e);
        }
    }
}
