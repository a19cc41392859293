package org.wayfarer.channel.wechat.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WeChat's custom-menu API on a {@link FakeWeChatServer}, answering as WeChat does: {@code /cgi-bin/menu/create}
 * ({@code {"errcode":0,"errmsg":"ok"}}), {@code /cgi-bin/menu/addconditional} ({@code {"menuid":"..."}}),
 * {@code /cgi-bin/menu/delconditional}, and {@code /cgi-bin/menu/get} (the menus created so far). Records every
 * request body by path; a scripted error answers the next request. Thread-safe.
 */
public final class FakeMenus {

    /** One request: its path and body. */
    public record Call(String path, String body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<String> errors = new ArrayDeque<>();
    private final AtomicLong menuIds = new AtomicLong(208_379_533);
    private volatile String defaultMenu;
    private final List<String> conditional = new CopyOnWriteArrayList<>();

    private FakeMenus() {
    }

    public static FakeMenus on(FakeWeChatServer wechat) {
        FakeMenus menus = new FakeMenus();
        wechat.route("/cgi-bin/menu/", menus::handle);
        return menus;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The next request answers {@code {"errcode":errcode,"errmsg":errmsg}}. */
    public synchronized void failNext(int errcode, String errmsg) {
        errors.addLast("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(FakeWeChatServer.readBody(exchange), StandardCharsets.UTF_8);
        calls.add(new Call(path, body));
        String error;
        synchronized (this) {
            error = errors.pollFirst();
        }
        if (error != null) {
            FakeWeChatServer.respond(exchange, 200, error);
            return;
        }
        switch (path) {
            case "/cgi-bin/menu/create" -> {
                defaultMenu = body;
                FakeWeChatServer.respond(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
            case "/cgi-bin/menu/addconditional" -> {
                long id = menuIds.getAndIncrement();
                conditional.add(body.replaceFirst("^\\{", "{\"menuid\":" + id + ","));
                FakeWeChatServer.respond(exchange, 200, "{\"menuid\":\"" + id + "\"}");
            }
            case "/cgi-bin/menu/delconditional" -> FakeWeChatServer.respond(exchange, 200,
                    "{\"errcode\":0,\"errmsg\":\"ok\"}");
            case "/cgi-bin/menu/get" -> FakeWeChatServer.respond(exchange, 200, "{\"menu\":"
                    + (defaultMenu == null ? "{\"button\":[]}" : defaultMenu) + ",\"conditionalmenu\":["
                    + String.join(",", new ArrayList<>(conditional)) + "]}");
            default -> FakeWeChatServer.respond(exchange, 404, "{\"errcode\":404,\"errmsg\":\"not found\"}");
        }
    }
}
