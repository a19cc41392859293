package org.wayfarer.journey.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body only when it is a 2xx JSON one, and then at most a limit of bytes: past the limit it stops
 * reading (the connection is closed) and reports the body as too large. Any other body is not read at all. So a
 * receiver can never make us buffer more than the limit. One instance per response; the JDK client calls it serially.
 */
final class ResponseBody implements HttpResponse.BodySubscriber<ResponseBody.Body> {

    /**
     * @param bytes    the body, empty when not read
     * @param read     whether it was read (a 2xx declared JSON)
     * @param tooLarge whether it was longer than the limit (then {@code bytes} is empty)
     */
    record Body(byte[] bytes, boolean read, boolean tooLarge) {

        static final Body NOT_READ = new Body(new byte[0], false, false);
        static final Body TOO_LARGE = new Body(new byte[0], true, true);
    }

    private final int limit;
    /** Non-null when the answer is known from the headers alone: the body is not read. */
    private final Body known;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private ResponseBody(int limit, Body known) {
        this.limit = limit;
        this.known = known;
    }

    /** A handler reading 2xx JSON bodies up to {@code limit} bytes. */
    static HttpResponse.BodyHandler<Body> handler(int limit) {
        return info -> {
            boolean wanted = info.statusCode() / 100 == 2 && isJson(info.headers().firstValue("Content-Type")
                    .orElse(null));
            if (!wanted) {
                return new ResponseBody(limit, Body.NOT_READ);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new ResponseBody(limit, declared > limit ? Body.TOO_LARGE : null);
        };
    }

    /** {@code application/json} or any {@code application/...+json} type, parameters ignored. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        if (known != null) {
            subscription.cancel();
            result.complete(known);
            return;
        }
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (buffer.remaining() > limit - bytes.size()) {
                subscription.cancel();
                result.complete(Body.TOO_LARGE);
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(bytes.toByteArray(), true, false));
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }
}
