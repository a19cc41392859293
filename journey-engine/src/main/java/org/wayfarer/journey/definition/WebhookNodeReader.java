package org.wayfarer.journey.definition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wayfarer.journey.webhook.WebhookRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads {@code webhook} nodes; the target's rules (scheme, host, method, reserved headers) are the webhook's own. */
final class WebhookNodeReader {

    private static final Set<String> FIELDS = Set.of("type", "url", "method", "headers", "body", "secret",
            "timeout", "retries", "saveAs", "next", "failed");
    private static final Pattern SAVE_AS = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final Problems problems;
    private final JsonFields fields;
    private final NodeLinks links;

    WebhookNodeReader(Problems problems, JsonFields fields, NodeLinks links) {
        this.problems = problems;
        this.fields = fields;
        this.links = links;
    }

    WebhookNode webhook(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        int errorsBefore = problems.errorCount();
        fields.warnUnknown(json, pointer, FIELDS);
        String next = links.optional(json, "next", pointer, edges);
        String failed = links.optional(json, "failed", pointer, edges);
        String url = fields.requiredString(json, "url", pointer);
        String method = fields.optionalString(json, "method", pointer);
        JsonNode headersJson = fields.optionalObject(json, "headers", pointer);
        Map<String, String> headers = new LinkedHashMap<>();
        if (headersJson != null) {
            headersJson.properties().forEach(e -> headers.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asString() : ""));
        }
        JsonNode body = JsonFields.present(json, "body");
        if (url != null) {
            for (WebhookRequest.Problem problem : WebhookRequest.problems(url, method, headers, body != null)) {
                problems.error(pointer + problem.pointer(), problem.code(), problem.message());
            }
        }
        String secret = fields.optionalString(json, "secret", pointer);
        if (secret != null && secret.isEmpty()) {
            problems.error(Problems.pointer(pointer, "secret"), "bad-value",
                    "'secret' must not be empty; leave it out to call unsigned");
        }
        Duration timeout = fields.duration(json, "timeout", pointer, false);
        if (timeout != null && (timeout.isZero() || timeout.compareTo(WebhookNode.MAX_TIMEOUT) > 0)) {
            problems.error(Problems.pointer(pointer, "timeout"), "bad-duration", "'timeout' must be above zero and at"
                    + " most " + WebhookNode.MAX_TIMEOUT + " (the call holds a send thread)");
        }
        int retries = retries(json, pointer);
        String saveAs = fields.optionalString(json, "saveAs", pointer);
        if (saveAs != null && !SAVE_AS.matcher(saveAs).matches()) {
            problems.error(Problems.pointer(pointer, "saveAs"), "bad-value", "saveAs '" + saveAs
                    + "' must be a letter followed by up to 63 letters, digits or '_' (templates read webhook.<saveAs>)");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        if (url != null) {
            request.put("url", url);
        }
        request.put("method", method == null ? "POST" : method);
        if (headersJson != null) {
            request.set("headers", headersJson);
        }
        if (body != null) {
            request.set("body", body);
        }
        MessageTemplate template = MustacheMessageTemplate.compile(request, pointer, problems);
        if (template == null || problems.errorCount() != errorsBefore) {
            return null;
        }
        return new WebhookNode(id, template, secret, timeout == null ? WebhookNode.DEFAULT_TIMEOUT : timeout, retries,
                saveAs, next, failed);
    }

    private int retries(JsonNode json, String pointer) {
        JsonNode retries = JsonFields.present(json, "retries");
        if (retries == null) {
            return 2;
        }
        if (!retries.isIntegralNumber() || retries.asInt() < 0 || retries.asInt() > WebhookNode.MAX_RETRIES) {
            problems.error(Problems.pointer(pointer, "retries"), "bad-value", "'retries' must be a whole number from 0"
                    + " to " + WebhookNode.MAX_RETRIES);
            return 0;
        }
        return retries.asInt();
    }
}
