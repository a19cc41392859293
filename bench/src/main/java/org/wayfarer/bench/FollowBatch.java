package org.wayfarer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;

/**
 * {@code count} follows by distinct new followers ({@code o<tag>_000000}, {@code o<tag>_000001}, ...) through store QR
 * codes ({@code store_000} to {@code store_049}), signed and AES-encrypted ahead of time so the driver only sends.
 * Immutable.
 */
final class FollowBatch {

    /** WeChat gives up on a push after 5 s (and retries it); an answer later than that does not count. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String prefix;
    private final List<SignedCallback> callbacks;
    private final List<BlockingHttp.Call> requests;

    private FollowBatch(String prefix, List<SignedCallback> callbacks, List<BlockingHttp.Call> requests) {
        this.prefix = prefix;
        this.callbacks = callbacks;
        this.requests = requests;
    }

    /**
     * @param tag     distinguishes this batch's followers from every other batch's (letters and digits)
     * @param baseUrl the server, {@code http://127.0.0.1:<port>}
     */
    static FollowBatch of(String tag, int count, WeChatCallbacks callbacks, String baseUrl) {
        String prefix = "o" + tag + "_";
        List<SignedCallback> signed = new ArrayList<>(count);
        List<BlockingHttp.Call> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String openid = prefix + String.format("%06d", i);
            String xml = callbacks.subscribeFromQr(openid, String.format("store_%03d", i % 50), "TICKET" + tag + i);
            SignedCallback callback = callbacks.encrypted(xml);
            signed.add(callback);
            requests.add(post(callback, baseUrl));
        }
        return new FollowBatch(prefix, List.copyOf(signed), List.copyOf(requests));
    }

    /** The {@code POST} WeChat would send for {@code callback}; sending it twice is a WeChat retry. */
    static BlockingHttp.Call post(SignedCallback callback, String baseUrl) {
        return BlockingHttp.Call.post(callback.uri(baseUrl), callback.body(), "text/xml");
    }

    int size() {
        return requests.size();
    }

    BlockingHttp.Call call(int i) {
        return requests.get(i);
    }

    /** Follower {@code i}'s callback, to send it again, e.g. to a restarted server on another port. */
    SignedCallback callback(int i) {
        return callbacks.get(i);
    }

    String openid(int i) {
        return prefix + String.format("%06d", i);
    }

    /** The index of a follower of this batch, or -1 for anyone else. */
    int indexOf(String openid) {
        if (openid == null || !openid.startsWith(prefix)) {
            return -1;
        }
        try {
            int i = Integer.parseInt(openid.substring(prefix.length()));
            return i < requests.size() ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
