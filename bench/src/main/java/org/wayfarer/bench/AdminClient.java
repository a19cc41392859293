package org.wayfarer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few admin API calls the bench makes ({@code /api/v1}, {@code Authorization: Bearer <key>}). Any answer other
 * than the documented one throws, with the status and body. Thread-safe.
 */
final class AdminClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String apiKey;

    AdminClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** {@code POST /wechat/accounts}: connects the account in safe mode. */
    void connect(BenchAccount account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", account.appId());
        body.put("name", account.name());
        body.put("secret", account.secret());
        body.put("token", account.token());
        body.put("aesKey", account.aesKey());
        call("POST", "/wechat/accounts", JSON.writeValueAsString(body), 201);
    }

    /** {@code POST /journeys} then {@code POST /journeys/{id}/publish}; returns the journey id. */
    String createAndPublish(String definitionJson) {
        JsonNode created = call("POST", "/journeys", definitionJson, 201);
        String id = created.path("id").asString();
        call("POST", "/journeys/" + id + "/publish", null, 200);
        return id;
    }

    /** The statuses of the messages in the timeline of the contact with this openid; empty if there is no contact. */
    List<String> messageStatuses(String appId, String openid) {
        JsonNode contacts = call("GET", "/contacts?appId=" + encode(appId) + "&openid=" + encode(openid), null, 200);
        List<String> statuses = new ArrayList<>();
        for (JsonNode contact : contacts) {
            JsonNode timeline = call("GET", "/contacts/" + contact.path("id").asString() + "/timeline", null, 200);
            for (JsonNode entry : timeline) {
                if ("MESSAGE".equals(entry.path("kind").asString())) {
                    statuses.add(entry.path("status").asString());
                }
            }
        }
        return statuses;
    }

    private JsonNode call(String method, String path, String json, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            String body = response.body();
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
