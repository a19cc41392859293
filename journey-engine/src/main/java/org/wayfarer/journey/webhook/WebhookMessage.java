package org.wayfarer.journey.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wayfarer.journey.channel.Delivery;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link WebhookRequest} from a delivery's rendered message (the keys are listed in {@link WebhookSender}).
 * Messages never quote a value of the message: it may hold credentials. Stateless and thread-safe.
 */
final class WebhookMessage {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookMessage() {
    }

    /** @throws IllegalArgumentException saying what in the message is wrong */
    static WebhookRequest request(Delivery delivery) {
        Map<String, Object> message = delivery.message();
        String url = string(message, "url", true);
        String methodName = string(message, "method", false);
        Map<String, String> headers = headers(message.get("headers"));
        String body = body(message.get("body"));
        String secret = string(message, "secret", false);
        String method = methodName == null ? WebhookRequest.Method.POST.name() : methodName;
        List<WebhookRequest.Problem> problems = WebhookRequest.problems(url, method, headers, body != null);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(WebhookRequest.Problem::message)
                    .collect(Collectors.joining("; ")));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // a rendered value broke the URI (problems saw the template, not the value); the input is not quoted
            throw new IllegalArgumentException("the rendered url is not a valid URI: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        return new WebhookRequest(WebhookRequest.Method.valueOf(method), uri, headers, body, secret,
                timeout(message.get("timeoutMs")), delivery.deliveryId(), 0);
    }

    private static String string(Map<String, Object> message, String key, boolean required) {
        Object value = message.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("the webhook message has no " + key);
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key + " must be a string, not " + kind(value));
        }
        return s;
    }

    private static Map<String, String> headers(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("headers must be an object of names to values, not " + kind(value));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<?, ?> header : map.entrySet()) {
            Object v = header.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("the value of header '" + header.getKey() + "' must be a string,"
                        + " not " + kind(v));
            }
            headers.put(String.valueOf(header.getKey()), String.valueOf(v));
        }
        return headers;
    }

    /** A string is sent as-is; an object, array or other JSON value is serialized. */
    private static String body(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body cannot be written as JSON: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The {@code maxAttempts} the message allows (the node's retries + 1); unbounded (the dispatcher's own limit)
     * when absent or not a positive whole number.
     */
    static int maxAttempts(Delivery delivery) {
        Object value = delivery.message().get("maxAttempts");
        return value instanceof Number n && n.intValue() > 0 ? n.intValue() : Integer.MAX_VALUE;
    }

    private static Duration timeout(Object value) {
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("timeoutMs must be a whole number of milliseconds, not " + kind(value));
        }
        long millis = n.longValue();
        if (millis <= 0 || millis > WebhookRequest.MAX_TIMEOUT.toMillis()) {
            throw new IllegalArgumentException("timeoutMs must be from 1 to " + WebhookRequest.MAX_TIMEOUT.toMillis()
                    + ", not " + millis);
        }
        return Duration.ofMillis(millis);
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value instanceof Number ? "a number" : value instanceof Boolean ? "a boolean" : "a "
                + value.getClass().getSimpleName();
    }
}
