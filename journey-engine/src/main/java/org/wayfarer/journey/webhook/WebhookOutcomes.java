package org.wayfarer.journey.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what the HTTP client came back with into a {@link WebhookResult} (the table is in {@link WebhookClient}).
 * Reasons name the status, host and exception type, never a header value, body or response body. Thread-safe.
 */
final class WebhookOutcomes {

    /** Wait before retrying when the receiver gave no {@code Retry-After}; the dispatcher doubles it per attempt. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(10);
    /** The longest {@code Retry-After} honoured, so a receiver cannot park a delivery for days. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);
    /** The shortest wait, so {@code Retry-After: 0} does not spin. */
    static final Duration MIN_RETRY = Duration.ofSeconds(1);
    /** Like definitions (JourneyCompiler), so a response can be kept with the instance within the JSON limits. */
    static final int MAX_JSON_DEPTH = 32;
    private static final int MAX_MESSAGE_CHARS = 200;

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Clock clock;

    WebhookOutcomes(Clock clock) {
        this.clock = clock;
    }

    WebhookResult of(HttpResponse<ResponseBody.Body> response) {
        int status = response.statusCode();
        String from = "HTTP " + status + " from " + host(response.uri());
        if (status / 100 == 2) {
            return succeeded(status, response.body(), from);
        }
        if (status == 408 || status == 429 || status / 100 == 5) {
            return new WebhookResult.Retryable("http-" + status, from,
                    retryAfter(response.headers().firstValue("Retry-After")));
        }
        if (status / 100 == 3) {
            return new WebhookResult.Failed("http-" + status, from + ": redirects are not followed; point the"
                    + " webhook at the final URL");
        }
        return new WebhookResult.Failed("http-" + status, from);
    }

    private WebhookResult succeeded(int status, ResponseBody.Body body, String from) {
        if (body.tooLarge()) {
            return new WebhookResult.Failed("response-too-large", from + ": the JSON response is larger than "
                    + WebhookClient.MAX_RESPONSE_BYTES + " bytes and was not read");
        }
        if (!body.read() || body.bytes().length == 0) {
            return new WebhookResult.Succeeded(status, Map.of());
        }
        Object json;
        try {
            json = mapper.readValue(body.bytes(), Object.class);
        } catch (StreamConstraintsException e) {
            return new WebhookResult.Failed("invalid-json", from + ": the JSON response nests deeper than "
                    + MAX_JSON_DEPTH + " levels or breaks another parser limit");
        } catch (JacksonException e) {
            // Jackson's message quotes the offending text, which is the response body: give the location only
            TokenStreamLocation at = e.getLocation();
            return new WebhookResult.Failed("invalid-json", from + ": the response is declared JSON but does not"
                    + " parse" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (json instanceof Map<?, ?> object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((k, v) -> map.put((String) k, v));
            return new WebhookResult.Succeeded(status, map);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("body", json);
        return new WebhookResult.Succeeded(status, wrapped);
    }

    /**
     * A failure of the exchange. Before the request could leave (refused, unreachable, DNS, connect timeout, TLS
     * handshake) it is worth retrying; any other failure (the timeout, a reset or close after connecting) may come
     * after the receiver acted, so the outcome is unknown, as the ChannelSender contract and the WeChat sender have it.
     */
    WebhookResult of(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return new WebhookResult.Retryable("connect-timeout", describe(failure), DEFAULT_RETRY);
        }
        if (failure instanceof ConnectException) {
            return new WebhookResult.Retryable("connect-failed", describe(failure), DEFAULT_RETRY);
        }
        if (failure instanceof SSLHandshakeException) {
            return new WebhookResult.Retryable("tls-failed", describe(failure), DEFAULT_RETRY);
        }
        if (failure instanceof HttpTimeoutException) {
            return new WebhookResult.TimedOut("no answer in time: " + describe(failure));
        }
        if (failure instanceof IOException) {
            return new WebhookResult.TimedOut("the connection failed after the request may have been sent: "
                    + describe(failure));
        }
        return new WebhookResult.TimedOut("the call failed unexpectedly after it may have been sent: "
                + failure.getClass().getSimpleName());
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date, within [{@link #MIN_RETRY}, {@link #MAX_RETRY_AFTER}]. */
    Duration retryAfter(Optional<String> header) {
        Duration after = header.map(String::trim).map(this::parseRetryAfter).orElse(DEFAULT_RETRY);
        if (after.compareTo(MIN_RETRY) < 0) {
            return MIN_RETRY;
        }
        return after.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : after;
    }

    private Duration parseRetryAfter(String value) {
        if (value.matches("[0-9]{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(clock.instant(), at.toInstant());
        } catch (DateTimeParseException e) {
            return DEFAULT_RETRY;
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String text = failure.getClass().getSimpleName() + ": " + message;
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "…" : text;
    }

    private static String host(URI uri) {
        return uri == null || uri.getHost() == null ? "the receiver" : uri.getHost();
    }
}
