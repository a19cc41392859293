package org.wayfarer.journey.definition;

import java.time.Duration;

/**
 * Calls the brand's system over HTTP and waits for its answer: {@code request} renders to the call ({@code url},
 * {@code method}, {@code headers}, {@code body}; templates), signed with HMAC-SHA256 when {@code secret} is set.
 * A 2xx answer goes on at {@code next} with the response JSON as {@code webhook.<saveAs>} (plus its
 * {@code status}); a refusal, an unknown outcome or giving up after {@code retries} goes on at {@code failed}.
 * Both links are nullable (the path ends).
 *
 * @param secret nullable: unsigned
 * @param saveAs nullable: the response is not kept
 */
public record WebhookNode(String id, MessageTemplate request, String secret, Duration timeout, int retries,
                          String saveAs, String next, String failed) implements Node {

    /** Attempts = retries + 1; at most this many retries. */
    public static final int MAX_RETRIES = 5;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
}
