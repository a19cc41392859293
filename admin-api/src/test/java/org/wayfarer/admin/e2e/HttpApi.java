package org.wayfarer.admin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a client of a running server sees: the admin API (with the bootstrap key) and the callback endpoint. */
final class HttpApi {

    static final String ADMIN_KEY = "wf_e2e_0123456789abcdefghijklmnopqrstuv";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    HttpApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An admin API call with the bootstrap key; returns status and body. */
    Response api(String method, String path, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    /** Posts a callback exactly as WeChat would. */
    Response callback(SignedCallback callback) {
        return send(HttpRequest.newBuilder(callback.uri(baseUrl))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body())).build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
