package org.wayfarer.channel.wechat.qrcode;

import java.io.IOException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpQrcodeService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import org.wayfarer.channel.wechat.account.MpAccount;

/**
 * Asks WeChat for a ticket through WxJava's {@link WxMpQrcodeService} ({@code POST /cgi-bin/qrcode/create}):
 * {@code qrCodeCreateTmpTicket(scene, expireSeconds)} sends {@code QR_STR_SCENE} with {@code expire_seconds} (always
 * given: WxJava would default a {@code null} to 30 seconds), {@code qrCodeCreateLastTicket(scene)} sends
 * {@code QR_LIMIT_STR_SCENE}. One attempt (the account's service never retries by itself). Every failure becomes a
 * {@link WeChatQrCodeException} that names WeChat's errcode, or says WeChat was not reached; nothing secret is in it.
 * Thread-safe.
 */
final class QrCodeTickets {

    /** WxJava's code for "no errcode: I/O failure or an answer it could not use". */
    private static final int SDK_FAILURE = -99;
    private static final int MAX_REASON = 200;

    /** A ticket WeChat issued, with the picture URL WxJava builds for it. */
    record Issued(String ticket, String url, String imageUrl, int expireSeconds) {
    }

    /** @param expiresIn seconds, for a temporary code (checked by the caller: 60..2592000); ignored otherwise */
    Issued issue(MpAccount account, String scene, boolean temporary, int expiresIn) {
        WxMpQrcodeService qrcodes = account.service().getQrcodeService();
        WxMpQrCodeTicket answer;
        try {
            answer = temporary ? qrcodes.qrCodeCreateTmpTicket(scene, expiresIn)
                    : qrcodes.qrCodeCreateLastTicket(scene);
        } catch (WxErrorException e) {
            throw failure(e);
        } catch (WxRuntimeException e) {
            // only getAccessToken throws this on the account's single-attempt service: the request never left
            throw new WeChatQrCodeException(null, "WeChat could not be reached for an access token ("
                    + simpleName(e.getCause() == null ? e : e.getCause()) + ")");
        } catch (RuntimeException e) {
            throw new WeChatQrCodeException(null, "WeChat's answer could not be read (" + simpleName(e) + ")");
        }
        if (answer == null || blank(answer.getTicket()) || blank(answer.getUrl())) {
            throw new WeChatQrCodeException(null, "WeChat answered without a ticket or url");
        }
        try {
            return new Issued(answer.getTicket(), answer.getUrl(), qrcodes.qrCodePictureUrl(answer.getTicket()),
                    answer.getExpireSeconds());
        } catch (WxErrorException e) {
            throw failure(e);
        }
    }

    private static WeChatQrCodeException failure(WxErrorException e) {
        WxError error = e.getError();
        int code = error == null ? SDK_FAILURE : error.getErrorCode();
        if (code == SDK_FAILURE) {
            IOException io = ioCause(e);
            return new WeChatQrCodeException(null, io != null
                    ? "WeChat could not be reached (" + simpleName(io) + ")"
                    : "WeChat's answer could not be used (" + reason(error) + ")");
        }
        return new WeChatQrCodeException(code, "WeChat answered errcode " + code + " (" + reason(error) + ")");
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
        String reason = en != null && !en.isBlank() ? en : String.valueOf(error.getErrorMsg());
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private static String simpleName(Throwable e) {
        return e.getClass().getSimpleName();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
