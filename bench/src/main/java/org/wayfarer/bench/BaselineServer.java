package org.wayfarer.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * The baseline the budgets (docs/architecture/overview.md section 6) are measured against: the handler a team writes first with WxJava, nothing durable. Runs in its own JVM
 * (started by {@link FollowBench}); arguments: {@code port appId secret token aesKey apiBaseUrl}.
 *
 * <ul>
 *   <li>JDK {@code HttpServer} on loopback, a cached thread pool as the request threads (like a servlet container);</li>
 *   <li>{@code GET /callbacks/wechat/mp/{appId}}: {@code checkSignature}, echo {@code echostr};</li>
 *   <li>{@code POST}: {@code checkSignature}, {@code WxMpXmlMessage.fromEncryptedXml} (safe mode) or
 *       {@code fromXml}, then {@code WxMpMessageRouter.route} with its defaults: in-memory duplicate checker and
 *       a 100-thread pool; one async rule on {@code subscribe} sends the welcome template from that pool
 *       ({@code WxMpServiceImpl}, WxJava's default HttpClient, host config pointed at the fake WeChat); answers
 *       {@code success};</li>
 *   <li>{@code GET /health}: {@code {"status":"UP"}}.</li>
 * </ul>
 * Same journey as the Wayfarer run: followers from a {@code store_*} QR scene get one template with the scene.
 */
public final class BaselineServer {

    private static final String CALLBACK_PATH = "/callbacks/wechat/mp/";

    private final String appId;
    private final WxMpDefaultConfigImpl config;
    private final WxMpService service;
    private final WxMpMessageRouter router;

    private BaselineServer(String appId, String secret, String token, String aesKey, String apiBaseUrl) {
        this.appId = appId;
        config = new WxMpDefaultConfigImpl();
        config.setAppId(appId);
        config.setSecret(secret);
        config.setToken(token);
        config.setAesKey(aesKey);
        config.setHostConfig(WxMpHostConfig.builder().apiHost(apiBaseUrl).mpHost(apiBaseUrl).openHost(apiBaseUrl)
                .build());
        service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        router = new WxMpMessageRouter(service);
        router.rule().async(true).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.SUBSCRIBE)
                .handler(welcome()).end();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: BaselineServer port appId secret token aesKey apiBaseUrl");
            System.exit(2);
        }
        BaselineServer baseline = new BaselineServer(args[1], args[2], args[3], args[4], args[5]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext(CALLBACK_PATH, baseline::callback);
        server.start();
        System.out.println("baseline listening on " + server.getAddress());
    }

    private static WxMpMessageHandler welcome() {
        return (message, context, wxMpService, sessionManager) -> {
            String key = message.getEventKey();
            String scene = key != null && key.startsWith("qrscene_") ? key.substring("qrscene_".length()) : key;
            if (scene == null || !scene.startsWith("store_")) {
                return null;
            }
            WxMpTemplateMessage template = WxMpTemplateMessage.builder()
                    .toUser(message.getFromUser())
                    .templateId("TPL_WELCOME")
                    .url("https://brand.example/hi")
                    .build();
            template.addData(new WxMpTemplateData("thing1", "新朋友"));
            template.addData(new WxMpTemplateData("thing2", scene));
            wxMpService.getTemplateMsgService().sendTemplateMsg(template);
            return null;
        };
    }

    private void callback(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getPath().equals(CALLBACK_PATH + appId)) {
                respond(exchange, 404, "unknown account");
                return;
            }
            Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
            String timestamp = query.get("timestamp");
            String nonce = query.get("nonce");
            if (!service.checkSignature(timestamp, nonce, query.get("signature"))) {
                respond(exchange, 403, "bad signature");
                return;
            }
            if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, query.getOrDefault("echostr", ""));
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            WxMpXmlMessage message = "aes".equals(query.get("encrypt_type"))
                    ? WxMpXmlMessage.fromEncryptedXml(body, config, timestamp, nonce, query.get("msg_signature"))
                    : WxMpXmlMessage.fromXml(body);
            router.route(message);
            respond(exchange, 200, "success");
        } catch (RuntimeException e) {
            respond(exchange, 400, e.getClass().getSimpleName());
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
