package org.wayfarer.journey.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One rendered webhook call, ready to send.
 *
 * <p>The constructor enforces the same rules {@link #problems} reports for a definition, so a request that exists can
 * be sent. Its {@link #toString()} names the method, host and path only: the query, header values, body and secret
 * may carry credentials or personal data and are never printed; no exception message here contains them either.
 *
 * @param method     the HTTP method
 * @param uri        absolute {@code http} or {@code https} URI naming a host, without user info
 * @param headers    the author's headers, sent in this order: names are HTTP tokens, unique ignoring case and not
 *                   reserved ({@link #RESERVED_HEADERS}, anything starting {@code X-Wayfarer-}); values are printable
 *                   ASCII on one line. {@code Content-Type} defaults to JSON when there is a body
 * @param body       JSON text sent as-is in UTF-8 and signed, or null for none; a GET carries none
 * @param secret     HMAC key of the signature ({@link WebhookSigner}), or null to send unsigned; never empty
 * @param timeout    how long the whole call may take, above zero and at most {@link #MAX_TIMEOUT}
 * @param deliveryId the outbox delivery id, sent as {@code X-Wayfarer-Delivery} for the receiver to de-duplicate on
 * @param attempt    which attempt this is, from 1, or 0 when the caller does not know (a {@code Delivery} carries no
 *                   attempt count); informational only, not sent
 */
public record WebhookRequest(Method method, URI uri, Map<String, String> headers, String body, String secret,
                             Duration timeout, long deliveryId, int attempt) {

    /** Keeps a call, plus the client's grace, well inside the dispatcher's send lease (60 s by default). */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Headers Wayfarer or the HTTP client sets, in lower case; an author may not set them (the JDK client refuses the
     * framing ones outright, and a forged signature header would defeat the signature).
     */
    public static final List<String> RESERVED_HEADERS = List.of("host", "content-length", "transfer-encoding",
            "connection", "expect", "upgrade", "x-wayfarer-delivery", "x-wayfarer-timestamp", "x-wayfarer-signature");

    /** The methods a webhook may use. */
    public enum Method { GET, POST, PUT, PATCH, DELETE }

    /**
     * One thing wrong with a webhook definition or request.
     *
     * @param pointer RFC 6901 JSON pointer relative to the webhook node, e.g. {@code /url}, {@code /headers/Host}
     * @param code    stable machine-readable code, e.g. {@code url-scheme}, {@code header-reserved}
     * @param message what is wrong and how to fix it, for a person; never quotes a header value
     */
    public record Problem(String pointer, String code, String message) {
    }

    /** @throws IllegalArgumentException naming every rule the arguments break */
    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        List<Problem> problems = new ArrayList<>();
        WebhookRules.uri(uri, problems);
        WebhookRules.method(method.name(), body != null, problems);
        WebhookRules.headers(headers, problems);
        if (secret != null && secret.isEmpty()) {
            problems.add(new Problem("/secret", "secret-empty", "secret must not be empty; leave it out to send"
                    + " unsigned"));
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            problems.add(new Problem("/timeout", "timeout-range", "timeout must be above zero and at most "
                    + MAX_TIMEOUT + ", not " + timeout));
        }
        if (attempt < 0) {
            problems.add(new Problem("/attempt", "attempt-negative", "attempt must be 0 (unknown) or more"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(Problem::message)
                    .collect(Collectors.joining("; ")));
        }
    }

    /** {@link #problems(String, String, Map, boolean)} of a webhook without a body. */
    public static List<Problem> problems(String url, String method, Map<String, String> headers) {
        return problems(url, method, headers, false);
    }

    /**
     * What is wrong with a webhook node's target, for validating definitions (never throws).
     *
     * <p>Template tags ({@code {{...}}}) may appear in the path, query and header values; the scheme and host must be
     * written out, so where a journey calls is known when it is published. A tag in the path or query is checked as if
     * it rendered to a plain word; the rendered request is checked again when it is built.
     *
     * @param url     the URL as written, possibly templated; null is reported as missing
     * @param method  one of {@link Method}, upper case; null means the default, POST
     * @param headers the author's headers (names as written, values possibly templated), or null for none
     * @param hasBody whether the node has a body (a GET may not)
     * @return the problems in the order url, method, headers; empty when the target is fine
     */
    public static List<Problem> problems(String url, String method, Map<String, String> headers, boolean hasBody) {
        List<Problem> problems = new ArrayList<>();
        WebhookRules.url(url, problems);
        if (method != null) {
            WebhookRules.method(method, hasBody, problems);
        }
        if (headers != null) {
            WebhookRules.headers(headers, problems);
        }
        return List.copyOf(problems);
    }

    /** Method, scheme, host, port and path only; see the class comment. */
    @Override
    public String toString() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return "WebhookRequest[" + method + " " + uri.getScheme() + "://" + uri.getHost() + port + path
                + (uri.getRawQuery() == null ? "" : "?…") + ", delivery " + deliveryId + ", attempt " + attempt
                + ", headers " + headers.keySet() + ", " + (body == null ? "no body" : "body " + body.length()
                + " chars") + ", " + (secret == null ? "unsigned" : "signed") + ", timeout " + timeout + "]";
    }
}
