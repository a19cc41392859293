package org.wayfarer.channel.wechat.callback;

/**
 * A callback refused because of the request itself; answered with {@link #status()} (always 4xx) and a short reason
 * that never contains the body or a credential. Nothing was stored.
 */
final class CallbackRejectedException extends Exception {

    private final int status;

    private CallbackRejectedException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static CallbackRejectedException badRequest(String reason) {
        return new CallbackRejectedException(400, reason);
    }

    static CallbackRejectedException forbidden(String reason) {
        return new CallbackRejectedException(403, reason);
    }

    static CallbackRejectedException notFound(String reason) {
        return new CallbackRejectedException(404, reason);
    }

    static CallbackRejectedException tooLarge(String reason) {
        return new CallbackRejectedException(413, reason);
    }

    int status() {
        return status;
    }

    String reason() {
        return getMessage();
    }
}
