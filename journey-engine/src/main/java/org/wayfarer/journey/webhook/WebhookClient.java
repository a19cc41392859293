package org.wayfarer.journey.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one webhook call and says what came of it. One attempt per call: no retries, no sleeping (the outbox
 * dispatcher owns backoff), redirects not followed (a redirect could send the body and signature somewhere the
 * author never named).
 *
 * <p>The request carries the author's headers, then {@code Content-Type: application/json; charset=utf-8} when there
 * is a body and the author set none, {@code Accept: application/json} and {@code User-Agent: Wayfarer-Webhook/1}
 * unless set, then the {@link WebhookSigner} headers. The whole exchange, response body included, ends within the
 * request's timeout plus {@link #GRACE}.
 *
 * <table>
 *   <caption>Results</caption>
 *   <tr><th>answer</th><th>result</th></tr>
 *   <tr><td>2xx</td><td>{@link WebhookResult.Succeeded}: the body is read only when declared JSON, and then at most
 *       {@link #MAX_RESPONSE_BYTES} (a {@code Content-Length} above that is not read at all)</td></tr>
 *   <tr><td>2xx, JSON larger than the limit, not parsing, with duplicate keys or nested deeper than 32</td>
 *       <td>{@link WebhookResult.Failed} {@code response-too-large} / {@code invalid-json}</td></tr>
 *   <tr><td>408, 429, 5xx</td><td>{@link WebhookResult.Retryable} {@code http-<status>} after {@code Retry-After}
 *       (seconds or HTTP-date) within 1 s..15 min, else 10 s</td></tr>
 *   <tr><td>3xx, other 4xx</td><td>{@link WebhookResult.Failed} {@code http-<status>}</td></tr>
 *   <tr><td>refused, unreachable, DNS, connect timeout, TLS handshake</td><td>{@link WebhookResult.Retryable}
 *       ({@code connect-failed}, {@code connect-timeout}, {@code tls-failed}): nothing was sent</td></tr>
 *   <tr><td>timeout; connection reset or closed after connecting</td><td>{@link WebhookResult.TimedOut}: the
 *       receiver may have acted</td></tr>
 * </table>
 *
 * <p>Bodies of other answers are never read. Never logs; never throws for I/O or HTTP failures. Thread-safe.
 */
public final class WebhookClient {

    /** The most of a 2xx JSON response that is read. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;
    /** Connect timeout of the client {@link #WebhookClient(Clock)} builds; the request timeout also bounds it. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long past the request timeout we wait for the whole exchange. The JDK's request timeout stops at the
     * response headers; this deadline also covers a body that stalls, and lets the JDK's own timeouts (which tell a
     * connect timeout, when nothing was sent, from a response timeout) fire first.
     */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private static final String USER_AGENT = "Wayfarer-Webhook/1";

    private final HttpClient http;
    private final WebhookSigner signer;
    private final WebhookOutcomes outcomes;

    /** With a client of its own: HTTP/1.1 (no h2c upgrade headers to confuse receivers), no redirects. */
    public WebhookClient(Clock clock) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build(), clock);
    }

    /**
     * @param http  should not follow redirects; its connect timeout should be set
     * @param clock for the signature timestamp and {@code Retry-After} dates
     */
    public WebhookClient(HttpClient http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.signer = new WebhookSigner(Objects.requireNonNull(clock, "clock"));
        this.outcomes = new WebhookOutcomes(clock);
    }

    /** Sends {@code request} once and waits for the answer; never throws for what the receiver or network does. */
    public WebhookResult call(WebhookRequest request) {
        HttpRequest httpRequest;
        try {
            httpRequest = build(request);
        } catch (IllegalArgumentException e) {
            // WebhookRequest's rules are stricter than the JDK's, so this is not expected; its message may quote a
            // header value, so it is left out
            return new WebhookResult.Failed("invalid-request", "the HTTP client refused the request");
        }
        CompletableFuture<HttpResponse<ResponseBody.Body>> exchange =
                http.sendAsync(httpRequest, ResponseBody.handler(MAX_RESPONSE_BYTES));
        Duration deadline = request.timeout().plus(GRACE);
        try {
            return outcomes.of(exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new WebhookResult.TimedOut("no complete answer within " + deadline);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new WebhookResult.TimedOut("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            return outcomes.of(cause(e));
        }
    }

    private HttpRequest build(WebhookRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout())
                .method(request.method().name(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        if (request.body() != null) {
            setUnlessGiven(builder, request.headers(), "Content-Type", "application/json; charset=utf-8");
        }
        setUnlessGiven(builder, request.headers(), "Accept", "application/json");
        setUnlessGiven(builder, request.headers(), "User-Agent", USER_AGENT);
        signer.headers(request.deliveryId(), request.body(), request.secret()).forEach(builder::header);
        return builder.build();
    }

    private static void setUnlessGiven(HttpRequest.Builder builder, Map<String, String> given, String name,
                                       String value) {
        for (String header : given.keySet()) {
            if (header.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        builder.header(name, value);
    }

    private static Throwable cause(ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
