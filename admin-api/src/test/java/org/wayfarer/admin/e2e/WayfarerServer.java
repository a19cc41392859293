package org.wayfarer.admin.e2e;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wayfarer.admin.WayfarerApplication;

/**
 * The real server in this JVM, started as {@code spring-boot:run} would start it (embedded defaults: H2 file in
 * {@code dataDir}), on a random port, with the WeChat API pointed at a fake and time taken from {@code clock}.
 */
final class WayfarerServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpApi http;

    private WayfarerServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new HttpApi(baseUrl());
    }

    static WayfarerServer start(Path dataDir, String wechatApiBaseUrl, Clock clock, String... moreProperties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WayfarerApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .properties(
                        "wayfarer.data-dir=" + dataDir,
                        "wayfarer.wechat.api-base-url=" + wechatApiBaseUrl,
                        "wayfarer.admin.bootstrap-key=" + HttpApi.ADMIN_KEY,
                        // tests move the clock by hand; poll often so a moved clock is noticed quickly
                        "wayfarer.engine.timer-poll-interval=50ms",
                        "wayfarer.engine.outbox-sweep-interval=200ms")
                .properties(moreProperties)
                // an argument, not a default property: application.yml's server.port (8080) outranks those
                .run("--server.port=0");
        return new WayfarerServer(context);
    }

    HttpApi http() {
        return http;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A bean of the running server, for what the API cannot do (a second tenant) or show (stored rows). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
