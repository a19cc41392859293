package org.wayfarer.journey.webhook;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What one webhook call came to; see {@link WebhookClient} for which answer gives which result. */
public sealed interface WebhookResult {

    /**
     * The receiver answered 2xx.
     *
     * <p>{@code json} is the response body when it was declared JSON ({@code application/json} or {@code *+json}) and
     * not empty: a JSON object as its map (nested objects as maps, arrays as lists, JSON null as null); any other JSON
     * value (array, string, number, boolean, null) under the single key {@code "body"}. It is empty for 204, an empty
     * body, or a body that is not declared JSON (which is not read at all). The status is not copied into the map.
     * The top level is unmodifiable and keeps the response's key order.
     */
    record Succeeded(int status, Map<String, Object> json) implements WebhookResult {

        public Succeeded {
            json = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(json, "json")));
        }
    }

    /**
     * The receiver was not reached (connection refused, connect timeout, DNS, TLS handshake) or asked to come back
     * later (408, 429, 5xx); try again no sooner than {@code after} ({@code Retry-After} when given, capped).
     */
    record Retryable(String code, String reason, Duration after) implements WebhookResult {
    }

    /**
     * Failed for good, never worth repeating: another 4xx, a 3xx (redirects are not followed), or a 2xx whose JSON does
     * not parse or is larger than {@link WebhookClient#MAX_RESPONSE_BYTES} (then the receiver did act, but its answer
     * cannot be used).
     */
    record Failed(String code, String reason) implements WebhookResult {
    }

    /**
     * No answer: the timeout elapsed, or the connection broke after the request may have been sent. The receiver may
     * have acted, so the outcome is unknown.
     */
    record TimedOut(String reason) implements WebhookResult {
    }
}
