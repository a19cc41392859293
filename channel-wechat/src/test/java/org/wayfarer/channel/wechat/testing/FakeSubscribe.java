package org.wayfarer.channel.wechat.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's subscription-message send API ({@code POST /cgi-bin/message/subscribe/bizsend}) on a
 * {@link FakeWeChatServer}: answers {@code {"errcode":0,"errmsg":"ok","msgid":<n>}} as WeChat does (WxJava reads both
 * fields), with an increasing msgid from {@value #FIRST_MSGID}, or a scripted error, or late; records every request
 * body. Thread-safe.
 */
public final class FakeSubscribe {

    /** The msgid of the first message taken. */
    public static final long FIRST_MSGID = 300_000_001L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> sends = new CopyOnWriteArrayList<>();
    private final AtomicLong nextMsgId = new AtomicLong(FIRST_MSGID);
    private final Deque<Object> answers = new ArrayDeque<>();
    private volatile CountDownLatch release = new CountDownLatch(1);

    private FakeSubscribe() {
    }

    /** Attaches the endpoint to {@code wechat}. */
    public static FakeSubscribe on(FakeWeChatServer wechat) {
        FakeSubscribe subscribe = new FakeSubscribe();
        wechat.route("/cgi-bin/message/subscribe/bizsend", subscribe::send);
        return subscribe;
    }

    /** The bodies received so far, in order (a snapshot), failed ones included. */
    public List<JsonNode> sends() {
        return List.copyOf(sends);
    }

    /** The next send answers {@code {"errcode":errcode,"errmsg":errmsg}}; scripted answers are used in order. */
    public synchronized void failNext(int errcode, String errmsg) {
        answers.addLast(new Error(errcode, errmsg));
    }

    /**
     * The next send is taken (it gets a msgid) but answered only at {@link #releaseHeld()}, or after {@code atMost}:
     * a client with a shorter read timeout sees no answer.
     */
    public synchronized void answerNextLate(Duration atMost) {
        answers.addLast(atMost);
    }

    /** Answers the sends held by {@link #answerNextLate} now. */
    public void releaseHeld() {
        CountDownLatch held = release;
        release = new CountDownLatch(1);
        held.countDown();
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            FakeWeChatServer.respond(exchange, 405, "");
            return;
        }
        sends.add(JSON.readTree(FakeWeChatServer.readBody(exchange)));
        Object answer;
        synchronized (this) {
            answer = answers.pollFirst();
        }
        if (answer instanceof Error error) {
            FakeWeChatServer.respond(exchange, 200, JSON.writeValueAsString(error));
            return;
        }
        long msgId = nextMsgId.getAndIncrement();
        if (answer instanceof Duration atMost) {
            try {
                release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FakeWeChatServer.respond(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgId + "}");
    }

    private record Error(int errcode, String errmsg) {
    }
}
