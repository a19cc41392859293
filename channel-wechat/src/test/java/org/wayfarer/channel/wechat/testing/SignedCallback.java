package org.wayfarer.channel.wechat.testing;

import java.net.URI;
import java.util.Objects;

/**
 * A callback as WeChat sends it: the query string (signature, timestamp, nonce, and in safe mode
 * {@code encrypt_type=aes&msg_signature=...}) and the body (empty for URL verification).
 *
 * @param appId the account the callback is for; it is in the path
 * @param query the query string, URL-encoded, without {@code ?}
 * @param body  the XML body, {@code ""} for a {@code GET}
 */
public record SignedCallback(String appId, String query, String body) {

    public SignedCallback {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(body, "body");
    }

    /** {@code /callbacks/wechat/mp/<appId>}. */
    public String path() {
        return "/callbacks/wechat/mp/" + appId;
    }

    /** Path and query, e.g. for MockMvc or a raw HTTP client. */
    public String pathAndQuery() {
        return path() + "?" + query;
    }

    /** The full URI under {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public URI uri(String baseUrl) {
        return URI.create(baseUrl.replaceAll("/+$", "") + pathAndQuery());
    }

    /** The same callback with a wrong {@code signature} (one hex digit changed). */
    public SignedCallback withCorruptedSignature() {
        return new SignedCallback(appId, corrupt(query, "signature="), body);
    }

    /** The same callback with a wrong {@code msg_signature} (safe mode; one hex digit changed). */
    public SignedCallback withCorruptedMsgSignature() {
        if (!query.contains("msg_signature=")) {
            throw new IllegalStateException("not a safe-mode callback");
        }
        return new SignedCallback(appId, corrupt(query, "msg_signature="), body);
    }

    /** The same query with another body (e.g. a tampered or oversized one). */
    public SignedCallback withBody(String otherBody) {
        return new SignedCallback(appId, query, otherBody);
    }

    /** The same callback for another path AppID (e.g. an unknown account). */
    public SignedCallback forAppId(String otherAppId) {
        return new SignedCallback(otherAppId, query, body);
    }

    /** The same callback without query parameter {@code name}. */
    public SignedCallback without(String name) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.startsWith(name + "=")) {
                out.append(out.isEmpty() ? "" : "&").append(pair);
            }
        }
        return new SignedCallback(appId, out.toString(), body);
    }

    private static String corrupt(String query, String parameter) {
        int start = query.startsWith(parameter) ? 0 : query.indexOf("&" + parameter) + 1;
        if (start < 0 || !query.startsWith(parameter, start)) {
            throw new IllegalStateException("no " + parameter + " in the query");
        }
        int at = start + parameter.length();
        char digit = query.charAt(at);
        char flipped = digit == '0' ? '1' : '0';
        return query.substring(0, at) + flipped + query.substring(at + 1);
    }
}
