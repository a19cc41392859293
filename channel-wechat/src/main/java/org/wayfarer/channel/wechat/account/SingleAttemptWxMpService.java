package org.wayfarer.channel.wechat.account;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * A {@code WxMpServiceImpl} (Apache HttpClient 4) that makes exactly one attempt per API call.
 *
 * <p>WxJava's {@code BaseWxMpServiceImpl.execute} sleeps and retries errcode -1 itself ({@code retrySleepMillis *
 * 2^n}, up to {@code maxRetryTimes}); with {@code maxRetryTimes = 0} it instead turns -1 into a
 * {@code WxRuntimeException} that no longer carries the code. Neither suits us: the outbox owns backoff and needs the
 * code. This override keeps the one retry that is safe and useful (an expired access token: 40001/40014/42001 means
 * WeChat did not process the call, so the token is expired if unchanged and the call replayed once) and surfaces
 * every other error, -1 included, as a {@link WxErrorException} with its code. I/O failures become a
 * {@link WxErrorException} with code -99 whose cause is the {@link IOException}, as in WxJava.
 *
 * <p>It also never logs: WxJava's own path logs the request URL, access token included, at WARN on every error.
 */
class SingleAttemptWxMpService extends WxMpServiceImpl {

    @Override
    public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
        return executeOnce(executor, uri, data, true);
    }

    private <T, E> T executeOnce(RequestExecutor<T, E> executor, String uri, E data, boolean mayRefreshToken)
            throws WxErrorException {
        if (uri.contains("access_token=")) {
            throw new IllegalArgumentException("the uri must not carry an access token");
        }
        String accessToken = getAccessToken(false);
        String withToken = uri + (uri.contains("?") ? "&" : "?") + "access_token=" + accessToken;
        try {
            return executor.execute(withToken, data, WxType.MP);
        } catch (WxErrorException e) {
            if (mayRefreshToken && WxConsts.ACCESS_TOKEN_ERROR_CODES.contains(e.getError().getErrorCode())) {
                expireIfStillCurrent(accessToken);
                return executeOnce(executor, uri, data, false);
            }
            throw e;
        } catch (IOException e) {
            throw new WxErrorException(e);
        }
    }

    /** Compare-and-expire, so a stale 40001 does not throw away a token another thread just refreshed. */
    private void expireIfStillCurrent(String rejectedToken) {
        WxMpConfigStorage config = getWxMpConfigStorage();
        Lock lock = config.getAccessTokenLock();
        lock.lock();
        try {
            if (Objects.equals(config.getAccessToken(), rejectedToken)) {
                config.expireAccessToken();
            }
        } finally {
            lock.unlock();
        }
    }
}
