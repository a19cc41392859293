package org.wayfarer.channel.wechat.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.WxMpConfigStorageHolder;
import org.wayfarer.channel.wechat.WeChatProperties;

/**
 * One WxJava {@code WxMpService} per connected account, built on first use from the stored credentials and cached.
 *
 * <p>Each service has its own {@code WxMpDefaultConfigImpl} (AppID, secret, token, AES key; access tokens from
 * {@code /cgi-bin/stable_token}, which does not invalidate the token other callers hold) and never uses WxJava's
 * {@code switchover}. All services share one pooled HTTP client (see {@link PooledHttpClientBuilder}); calls are made
 * once, without WxJava's sleep-and-retry (see {@link SingleAttemptWxMpService}). {@code wayfarer.wechat.api-base-url}
 * replaces the api, mp and open hosts.
 *
 * <p>Unknown AppIDs are not cached, so an account connected on another node is found on its first callback.
 * {@link #invalidate} drops an entry after its credentials changed. Thread-safe. Access tokens live in the JVM: fine
 * for the embedded mode; a cluster should share them (WxJava's Redisson config storage), which is a later change here.
 */
public final class WxMpServices implements AutoCloseable {

    private final AccountLookup lookup;
    private final String apiBaseUrl;
    private final PooledHttpClientBuilder http;
    private final Cache<String, MpAccount> accounts = Caffeine.newBuilder().maximumSize(10_000).build();

    public WxMpServices(AccountLookup lookup, WeChatProperties properties) {
        this.lookup = lookup;
        this.apiBaseUrl = properties.apiBaseUrl();
        this.http = new PooledHttpClientBuilder(properties.connectTimeout(), properties.readTimeout(),
                properties.maxConnectionsPerHost());
    }

    /**
     * The account and its service.
     *
     * @param appId any case
     * @return empty when no tenant connected this AppID
     */
    public Optional<MpAccount> find(String appId) {
        if (!AppIds.isValid(appId)) {
            return Optional.empty();
        }
        String key = AppIds.normalize(appId);
        return Optional.ofNullable(accounts.get(key, k -> lookup.findByAppId(k).map(this::build).orElse(null)));
    }

    /** Forgets the cached service of {@code appId} (any case), e.g. after it was connected or its secrets changed. */
    public void invalidate(String appId) {
        if (AppIds.isValid(appId)) {
            accounts.invalidate(AppIds.normalize(appId));
        }
    }

    /** Closes the shared HTTP client; the services must not be used afterwards. */
    @Override
    public void close() {
        accounts.invalidateAll();
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MpAccount build(AccountCredentials credentials) {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(credentials.appId());
        config.setSecret(credentials.secret());
        config.setToken(credentials.token());
        config.setAesKey(credentials.aesKey());
        config.useStableAccessToken(true);
        config.setApacheHttpClientBuilder(http);
        if (apiBaseUrl != null) {
            config.setHostConfig(WxMpHostConfig.builder()
                    .apiHost(apiBaseUrl).mpHost(apiBaseUrl).openHost(apiBaseUrl).build());
        }
        SingleAttemptWxMpService service = new SingleAttemptWxMpService();
        // Unused by SingleAttemptWxMpService's execute; set so no other SDK path can sleep on our threads.
        service.setMaxRetryTimes(0);
        service.setRetrySleepMillis(0);
        try {
            service.setWxMpConfigStorage(config);
        } finally {
            // setWxMpConfigStorage marks this thread's "current account" in a ThreadLocal; we never rely on it.
            WxMpConfigStorageHolder.remove();
        }
        return new MpAccount(credentials, service);
    }
}
