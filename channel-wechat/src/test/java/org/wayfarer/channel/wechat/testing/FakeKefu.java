package org.wayfarer.channel.wechat.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private void send(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            FakeWeChatServer.respond(exchange, 405, "");
            return;
        }
        sends.add(JSON.readTree(FakeWeChatServer.readBody(exchange)));
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
