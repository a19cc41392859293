package org.wayfarer.channel.wechat.callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses the query string only. The servlet's {@code getParameter} would also read a form-encoded body, unbounded
 * and before our size check; WeChat's parameters are always in the query.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /** First value wins for repeated names. */
    static Map<String, String> parse(String query) throws CallbackRejectedException {
        Map<String, String> out = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        try {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw CallbackRejectedException.badRequest("malformed query string");
        }
        return out;
    }
}
