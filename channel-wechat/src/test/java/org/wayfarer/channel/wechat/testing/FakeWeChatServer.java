package org.wayfarer.channel.wechat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake WeChat API on {@code 127.0.0.1} (random port) for tests and benchmarks; point
 * {@code wayfarer.wechat.api-base-url} at {@link #baseUrl()}.
 *
 * <p>Serves what WxJava parses, as the real API answers it:
 * <ul>
 *   <li>{@code GET /cgi-bin/token} and {@code POST /cgi-bin/stable_token}:
 *       {@code {"access_token":"TOKEN-<n>","expires_in":7200}} (n counts token requests from 1);</li>
 *   <li>{@code POST /cgi-bin/message/template/send}: {@code {"errcode":0,"errmsg":"ok","msgid":<n>}} with an
 *       increasing msgid, unless a failure was scripted with {@link #failNextTemplateSends}. Like WeChat, a request
 *       repeating the openid + {@code client_msg_id} of a message delivered in the last 10 minutes is not delivered
 *       again: it answers success with the first message's msgid and counts as a repeat. {@link #templateSends()}
 *       holds the requests taken as new messages (failed ones included), {@link #templateCalls()} every request.</li>
 *   <li>{@code POST /cgi-bin/qrcode/create}: as WeChat answers it, {@code {"ticket":"...","expire_seconds":n,
 *       "url":"http://weixin.qq.com/q/..."}} for {@code QR_SCENE}/{@code QR_STR_SCENE} (n as asked), without
 *       {@code expire_seconds} for {@code QR_LIMIT_SCENE}/{@code QR_LIMIT_STR_SCENE}; each answer a new ticket, the
 *       first one WeChat's documented example. Failures are scripted with {@code failNextQrCodeCreates}, for any
 *       scene or for one; {@link #qrCodeCreates()} holds every request with its exact body.</li>
 * </ul>
 * Anything else gets HTTP 404. Thread-safe: requests are served concurrently by a thread per request.
 */
public final class FakeWeChatServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long FIRST_MSGID = 200_000_001L;
    /** WeChat: 「对于同一个openid + client_msg_id, 只发送一条消息, 10分钟有效」. */
    private static final long DEDUPE_NANOS = Duration.ofMinutes(10).toNanos();
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<TemplateSend> templateSends = new CopyOnWriteArrayList<>();
    private final List<TemplateSend> templateCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Delivered> delivered = new HashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicLong nextMsgId = new AtomicLong(FIRST_MSGID);
    private final Deque<ScriptedError> scriptedErrors = new ArrayDeque<>();
    private final Deque<Duration> answerDelays = new ArrayDeque<>();
    private volatile CountDownLatch heldRelease = new CountDownLatch(1);
    private final QrCodes qrCodes = new QrCodes();

    private FakeWeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-wechat");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/stable_token", this::token);
        server.createContext("/cgi-bin/message/template/send", this::templateSend);
        server.createContext(QrCodes.PATH, qrCodes::create);
        server.createContext("/", exchange -> respond(exchange, 404, "{\"errcode\":404,\"errmsg\":\"not found\"}"));
        server.start();
    }

    /** Starts a server on a free loopback port. */
    public static FakeWeChatServer start() {
        try {
            return new FakeWeChatServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code path} (and below) with {@code handler} from now on: endpoints of other APIs attach here. */
    public void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Template send requests taken as new messages so far, in arrival order (a snapshot): every request except a
     * repeat of an openid + {@code client_msg_id} already delivered within 10 minutes. What followers received, plus
     * the requests that failed.
     */
    public List<TemplateSend> templateSends() {
        return List.copyOf(templateSends);
    }

    /** Every template send request received so far, repeats included, in arrival order (a snapshot). */
    public List<TemplateSend> templateCalls() {
        return List.copyOf(templateCalls);
    }

    /** How many access tokens were requested (both token endpoints). */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Every {@code /cgi-bin/qrcode/create} request received so far, failed ones included, in arrival order. */
    public List<QrCodeCreate> qrCodeCreates() {
        return qrCodes.requests();
    }

    /** The next {@code times} QR code creates answer {@code {"errcode":errcode,"errmsg":errmsg}} (queued in order). */
    public void failNextQrCodeCreates(int errcode, String errmsg, int times) {
        qrCodes.failNext(null, errcode, errmsg, times);
    }

    /**
     * The next {@code times} QR code creates for {@code scene} (its {@code scene_str}) answer
     * {@code {"errcode":errcode,"errmsg":errmsg}}, whatever else is created meanwhile; before any general failure.
     */
    public void failNextQrCodeCreates(String scene, int errcode, String errmsg, int times) {
        qrCodes.failNext(scene, errcode, errmsg, times);
    }

    /** The next {@code times} template sends answer {@code {"errcode":errcode,"errmsg":errmsg}} (queued in order). */
    public void failNextTemplateSends(int errcode, String errmsg, int times) {
        synchronized (scriptedErrors) {
            for (int i = 0; i < times; i++) {
                scriptedErrors.addLast(new ScriptedError(errcode, errmsg));
            }
        }
    }

    /**
     * The next {@code times} template sends are recorded, then get no answer until {@link #releaseHeldSends()},
     * {@link #reset()} or {@link #close()} (at most 60 s): lets a test provoke the client's read timeout without
     * sleeping.
     */
    public void holdNextTemplateSends(int times) {
        answerNextTemplateSendsLate(times, HOLD_AT_MOST);
    }

    /**
     * The next {@code times} template sends are taken (delivered, as WeChat would) at once but answered only after
     * {@code delay}, or at {@link #releaseHeldSends()}: a delay beyond the client's read timeout makes the client see
     * no answer for a message that did go out.
     */
    public void answerNextTemplateSendsLate(int times, Duration delay) {
        synchronized (answerDelays) {
            for (int i = 0; i < times; i++) {
                answerDelays.addLast(delay);
            }
        }
    }

    /** Lets every held template send answer now. */
    public void releaseHeldSends() {
        CountDownLatch release = heldRelease;
        heldRelease = new CountDownLatch(1);
        release.countDown();
    }

    /** Forgets recorded requests, delivered ids, scripted failures and holds; token and msgid counters restart. */
    public void reset() {
        synchronized (scriptedErrors) {
            scriptedErrors.clear();
        }
        synchronized (answerDelays) {
            answerDelays.clear();
        }
        releaseHeldSends();
        templateSends.clear();
        templateCalls.clear();
        synchronized (delivered) {
            delivered.clear();
        }
        tokenRequests.set(0);
        nextMsgId.set(FIRST_MSGID);
        qrCodes.reset();
    }

    @Override
    public void close() {
        releaseHeldSends();
        server.stop(0);
        executor.shutdownNow();
    }

    private void token(HttpExchange exchange) throws IOException {
        readBody(exchange);
        int n = tokenRequests.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"TOKEN-" + n + "\",\"expires_in\":7200}");
    }

    private void templateSend(HttpExchange exchange) throws IOException {
        long arrivedAt = System.nanoTime();
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "");
            return;
        }
        byte[] body = readBody(exchange);
        TemplateSend send = new TemplateSend(exchange.getRequestURI().getRawQuery(), JSON.readTree(body), arrivedAt,
                false);
        Long repeatOf = null;
        ScriptedError error = null;
        synchronized (delivered) {
            Delivered earlier = send.dedupeKey() == null ? null : delivered.get(send.dedupeKey());
            if (earlier != null && arrivedAt - earlier.atNanos() < DEDUPE_NANOS) {
                repeatOf = earlier.msgId();
            } else {
                synchronized (scriptedErrors) {
                    error = scriptedErrors.pollFirst();
                }
                if (error == null) {
                    long msgId = nextMsgId.getAndIncrement();
                    send = send.withMsgId(msgId);
                    if (send.dedupeKey() != null) {
                        delivered.put(send.dedupeKey(), new Delivered(msgId, arrivedAt));
                    }
                }
            }
        }
        if (repeatOf != null) {
            templateCalls.add(send.asRepeatOf(repeatOf));
            respond(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + repeatOf + "}");
            return;
        }
        templateCalls.add(send);
        templateSends.add(send);
        Duration delay;
        synchronized (answerDelays) {
            delay = answerDelays.pollFirst();
        }
        if (delay != null) {
            try {
                heldRelease.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (error != null) {
            respond(exchange, 200, JSON.writeValueAsString(new ErrorBody(error.errcode(), error.errmsg())));
        } else {
            respond(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + send.msgId() + "}");
        }
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (e.g. its read timeout); nothing to answer
        } finally {
            exchange.close();
        }
    }

    /**
     * {@code POST /cgi-bin/qrcode/create}, kept apart from the other endpoints. Tickets after the first are WeChat's
     * example ticket with a counter in place of its last characters, so every answer differs.
     */
    private static final class QrCodes {

        static final String PATH = "/cgi-bin/qrcode/create";
        /** The example answer in WeChat's documentation (生成带参数的二维码). */
        static final String EXAMPLE_TICKET =
                "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==";
        static final String EXAMPLE_URL = "http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI";

        private final List<QrCodeCreate> requests = new CopyOnWriteArrayList<>();
        /** Scripted failures by scene; the key "" holds those for any scene. */
        private final Map<String, Deque<ScriptedError>> errors = new HashMap<>();
        private final AtomicInteger issued = new AtomicInteger();

        void create(HttpExchange exchange) throws IOException {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "");
                return;
            }
            String body = new String(readBody(exchange), StandardCharsets.UTF_8);
            QrCodeCreate received = new QrCodeCreate(exchange.getRequestURI().getRawQuery(), body);
            requests.add(received);
            JsonNode request = received.json();
            ScriptedError error = nextError(received.sceneStr());
            if (error != null) {
                respond(exchange, 200, JSON.writeValueAsString(new ErrorBody(error.errcode(), error.errmsg())));
                return;
            }
            String action = request.path("action_name").asString("");
            int n = issued.incrementAndGet();
            String ticket = n == 1 ? EXAMPLE_TICKET : EXAMPLE_TICKET.substring(0, EXAMPLE_TICKET.length() - 8)
                    + String.format("%06d", n) + "==";
            String url = n == 1 ? EXAMPLE_URL : EXAMPLE_URL.substring(0, EXAMPLE_URL.length() - 6)
                    + String.format("%06d", n);
            if (action.startsWith("QR_LIMIT_")) {
                respond(exchange, 200, "{\"ticket\":\"" + ticket + "\",\"url\":\"" + url + "\"}");
            } else {
                respond(exchange, 200, "{\"ticket\":\"" + ticket + "\",\"expire_seconds\":"
                        + request.path("expire_seconds").asInt(60) + ",\"url\":\"" + url + "\"}");
            }
        }

        List<QrCodeCreate> requests() {
            return List.copyOf(requests);
        }

        void failNext(String scene, int errcode, String errmsg, int times) {
            synchronized (errors) {
                Deque<ScriptedError> queue = errors.computeIfAbsent(scene == null ? "" : scene,
                        key -> new ArrayDeque<>());
                for (int i = 0; i < times; i++) {
                    queue.addLast(new ScriptedError(errcode, errmsg));
                }
            }
        }

        private ScriptedError nextError(String scene) {
            synchronized (errors) {
                Deque<ScriptedError> forScene = scene == null ? null : errors.get(scene);
                if (forScene != null && !forScene.isEmpty()) {
                    return forScene.pollFirst();
                }
                Deque<ScriptedError> any = errors.get("");
                return any == null ? null : any.pollFirst();
            }
        }

        void reset() {
            synchronized (errors) {
                errors.clear();
            }
            requests.clear();
            issued.set(0);
        }
    }

    /**
     * One {@code /cgi-bin/qrcode/create} request as received.
     *
     * @param query the raw query string ({@code access_token=...})
     * @param body  the body exactly as WxJava sent it
     */
    public record QrCodeCreate(String query, String body) {

        /** The parsed body. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** {@code action_info.scene.scene_str}, {@code null} when absent. */
        public String sceneStr() {
            JsonNode scene = json().path("action_info").path("scene").path("scene_str");
            return scene.isString() ? scene.asString() : null;
        }

        /** {@code action_name}: QR_STR_SCENE, QR_LIMIT_STR_SCENE, ... */
        public String actionName() {
            return json().path("action_name").asString(null);
        }
    }

    private record ScriptedError(int errcode, String errmsg) {
    }

    private record Delivered(long msgId, long atNanos) {
    }

    private record ErrorBody(int errcode, String errmsg) {
    }

    /**
     * One template send request as received.
     *
     * @param query          the raw query string ({@code access_token=...})
     * @param body           the parsed JSON body
     * @param arrivedAtNanos {@link System#nanoTime()} when the request arrived
     * @param msgId          the msgid it was answered with; {@code null} when it failed
     * @param repeat         a repeat of an openid + client_msg_id already delivered: answered, not delivered again
     */
    public record TemplateSend(String query, JsonNode body, long arrivedAtNanos, Long msgId, boolean repeat) {

        TemplateSend(String query, JsonNode body, long arrivedAtNanos, boolean repeat) {
            this(query, body, arrivedAtNanos, null, repeat);
        }

        TemplateSend withMsgId(long id) {
            return new TemplateSend(query, body, arrivedAtNanos, id, repeat);
        }

        TemplateSend asRepeatOf(long id) {
            return new TemplateSend(query, body, arrivedAtNanos, id, true);
        }

        /** What WeChat de-duplicates on; {@code null} without a client_msg_id. */
        String dedupeKey() {
            String id = clientMsgId();
            return id == null || id.isBlank() ? null : toUser() + "\n" + id;
        }

        public String toUser() {
            return text("touser");
        }

        public String templateId() {
            return text("template_id");
        }

        /** The idempotency key, our delivery id; {@code null} when absent. */
        public String clientMsgId() {
            return text("client_msg_id");
        }

        /** The access token in the query, {@code null} when absent. */
        public String accessToken() {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("access_token=")) {
                    return pair.substring("access_token=".length());
                }
            }
            return null;
        }

        /** The {@code value} of template field {@code name} in {@code data}, {@code null} when absent. */
        public String dataValue(String name) {
            JsonNode value = body.path("data").path(name).path("value");
            return value.isMissingNode() || value.isNull() ? null : value.asString();
        }

        private String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }
}
