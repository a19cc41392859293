package org.wayfarer.admin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wayfarer.admin.WayfarerApplication;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server, started as {@code spring-boot:run} would start it (embedded defaults: H2 file in
 * {@code dataDir}), on a random port, with the WeChat API pointed at a fake and time taken from {@code clock}.
 * A small HTTP client for the admin API and the callback endpoint comes with it.
 */
final class WayfarerServer implements AutoCloseable {

    static final String ADMIN_KEY = "wf_e2e_0123456789abcdefghijklmnopqrstuv";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private WayfarerServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static WayfarerServer start(Path dataDir, String wechatApiBaseUrl, Clock clock) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WayfarerApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .properties(
                        "server.port=0",
                        "wayfarer.data-dir=" + dataDir,
                        "wayfarer.wechat.api-base-url=" + wechatApiBaseUrl,
                        "wayfarer.admin.bootstrap-key=" + ADMIN_KEY,
                        // tests move the clock by hand; poll often so a moved clock is noticed quickly
                        "wayfarer.engine.timer-poll-interval=50ms",
                        "wayfarer.engine.outbox-sweep-interval=200ms")
                .run();
        return new WayfarerServer(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** An admin API call with the bootstrap key; returns status and parsed body. */
    Response api(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(request.build());
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

    @Override
    public void close() {
        context.close();
    }

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
