package org.wayfarer.journey.webhook;

import java.util.Map;
import org.wayfarer.journey.channel.Delivery;

/**
 * Hears the final outcome of a webhook call so the engine can resume the journey instance waiting on it (port,
 * implemented by the engine). The response cannot travel through the outbox receipt, whose provider message id holds
 * 64 characters, so {@link WebhookSender} hands it over here.
 *
 * <p>Contract: called on the dispatcher's send thread, before the dispatcher records the receipt, at most once per
 * delivery, and only for outcomes that end it: never for one the dispatcher will retry. It is <em>not</em> called when
 * the dispatcher ends a row without a final answer from this sender (retries used up, account not owned, lease lost
 * in a crash): the engine must also resume instances from the outbox row's final status. Implementations should be
 * quick, must not throw (a throw is logged and otherwise ignored: the receipt stands) and must not log the json.
 */
public interface WebhookResponses {

    /**
     * The receiver answered 2xx.
     *
     * @param json the response object, empty when there was none; see {@link WebhookResult.Succeeded}
     */
    void responded(Delivery delivery, int status, Map<String, Object> json);

    /**
     * The call failed for good: a non-retryable HTTP status, an unusable response, an invalid message, or
     * {@code timeout} when no answer came (the receiver may have acted; the call is never repeated).
     *
     * @param code stable machine-readable code, e.g. {@code http-404}, {@code invalid-json}, {@code timeout}
     */
    void failed(Delivery delivery, String code, String reason);
}
