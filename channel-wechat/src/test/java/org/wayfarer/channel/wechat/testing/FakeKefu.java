package org.wayfarer.channel.wechat.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's customer-service send API ({@code POST /cgi-bin/message/custom/send}) on a {@link FakeWeChatServer}:
 * answers {@code {"errcode":0,"errmsg":"ok"}} as WeChat does, or a scripted error, and records every request body.
 * Thread-safe.
 */
public final class FakeKefu {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> sends = new CopyOnWriteArrayList<>();
    private final Deque<int[]> errcodes = new ArrayDeque<>();
    private final Deque<String> errmsgs = new ArrayDeque<>();
    private final Deque<Integer> httpStatuses = new ArrayDeque<>();
    private volatile CountDownLatch held = new CountDownLatch(0);

    private FakeKefu() {
    }

    /** Attaches the endpoint to {@code wechat}. */
    public static FakeKefu on(FakeWeChatServer wechat) {
        FakeKefu kefu = new FakeKefu();
        wechat.route("/cgi-bin/message/custom/send", kefu::send);
        return kefu;
    }

    /** The bodies received so far, in order (a snapshot), failed ones included. */
    public List<JsonNode> sends() {
        return List.copyOf(sends);
    }

    /** The next send answers {@code {"errcode":errcode,"errmsg":errmsg}}; queued in order. */
    public synchronized void failNext(int errcode, String errmsg) {
        errcodes.addLast(new int[] {errcode});
        errmsgs.addLast(errmsg);
    }

    /** The next send is recorded, then answered with HTTP {@code status} and an HTML body, as a gateway would. */
    public synchronized void failNextWithHttp(int status) {
        httpStatuses.addLast(status);
    }

    /**
     * The next sends are recorded, then get no answer until {@link #release()} (at most 60 s): the client's read
     * timeout, without sleeping.
     */
    public void holdNext() {
        held = new CountDownLatch(1);
    }

    /** Lets held sends answer now. */
    public void release() {
        held.countDown();
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            FakeWeChatServer.respond(exchange, 405, "");
            return;
        }
        sends.add(JSON.readTree(FakeWeChatServer.readBody(exchange)));
        try {
            held.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Integer status;
        synchronized (this) {
            status = httpStatuses.pollFirst();
        }
        if (status != null) {
            FakeWeChatServer.respond(exchange, status, "<html><body>" + status + " Bad Gateway</body></html>");
            return;
        }
        int[] errcode;
        String errmsg;
        synchronized (this) {
            errcode = errcodes.pollFirst();
            errmsg = errmsgs.pollFirst();
        }
        FakeWeChatServer.respond(exchange, 200, errcode == null ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                : JSON.writeValueAsString(new Error(errcode[0], errmsg)));
    }

    private record Error(int errcode, String errmsg) {
    }
}
