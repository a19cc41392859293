package org.wayfarer.channel.wechat.send;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.wayfarer.journey.channel.SendReceipt;

/**
 * What a failed template send means for the outbox (see {@code ChannelSender}).
 *
 * <ul>
 *   <li>-1 (system busy) → retry after 5 s; 45011 (too frequent) → after 60 s; 45009 (daily quota) → after 1 h;
 *       40001/40014/42001 (access token rejected again after one refresh) → after 5 s.</li>
 *   <li>Any other errcode (43004 not following, 40003 bad openid, 40036/40037 bad template, 47003 bad data, ...) is
 *       a business refusal → rejected for good.</li>
 *   <li>I/O failures before the request could leave (connection refused, connect timeout, no pooled connection, DNS,
 *       TLS handshake) → retry after 5 s; any other I/O failure (read timeout, connection reset, no or non-2xx HTTP
 *       response) may hide a delivered message → unknown: the dispatcher repeats it with the same
 *       {@code client_msg_id} only inside the sender's idempotency window, which WeChat de-duplicates.</li>
 * </ul>
 */
final class TemplateReceipts {

    static final Duration BUSY_RETRY = Duration.ofSeconds(5);
    static final Duration FREQUENCY_RETRY = Duration.ofSeconds(60);
    static final Duration QUOTA_RETRY = Duration.ofHours(1);
    static final Duration NOT_SENT_RETRY = Duration.ofSeconds(5);

    /** WxJava's code for "no errcode: I/O failure or unusable response". */
    private static final int SDK_FAILURE = -99;
    private static final int MAX_REASON = 500;

    private TemplateReceipts() {
    }

    static SendReceipt of(WxErrorException e) {
        WxError error = e.getError();
        int code = error == null ? SDK_FAILURE : error.getErrorCode();
        if (code == SDK_FAILURE) {
            IOException io = ioCause(e);
            if (io != null) {
                return ofIoFailure(io);
            }
            return new SendReceipt.Unknown("unusable response: " + reason(error));
        }
        String reason = reason(error);
        String codeText = String.valueOf(code);
        return switch (code) {
            case -1 -> new SendReceipt.RetryLater(codeText, reason, BUSY_RETRY);
            case 45011 -> new SendReceipt.RetryLater(codeText, reason, FREQUENCY_RETRY);
            case 45009 -> new SendReceipt.RetryLater(codeText, reason, QUOTA_RETRY);
            case 40001, 40014, 42001 -> new SendReceipt.RetryLater(codeText, reason, BUSY_RETRY);
            default -> new SendReceipt.Rejected(codeText, reason);
        };
    }

    static SendReceipt ofIoFailure(IOException e) {
        String reason = cap(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (neverLeft(e)) {
            return new SendReceipt.RetryLater("io", reason, NOT_SENT_RETRY);
        }
        return new SendReceipt.Unknown(reason);
    }

    /** The access token could not be obtained, so the template request itself was never sent. */
    static SendReceipt tokenUnavailable(RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new SendReceipt.RetryLater("token", cap("access token unavailable: " + cause.getClass().getSimpleName()
                + ": " + cause.getMessage()), NOT_SENT_RETRY);
    }

    private static boolean neverLeft(IOException e) {
        return e instanceof ConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof ConnectionPoolTimeoutException
                || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException
                || e instanceof SSLHandshakeException;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** WeChat's own (English) errmsg where WxJava replaced it with a localised text. */
    private static String reason(WxError error) {
        if (error == null) {
            return "no error details";
        }
        String en = error.getErrorMsgEn();
        return cap(en != null && !en.isBlank() ? en : String.valueOf(error.getErrorMsg()));
    }

    private static String cap(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
