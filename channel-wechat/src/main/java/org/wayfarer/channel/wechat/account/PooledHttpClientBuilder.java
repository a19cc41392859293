package org.wayfarer.channel.wechat.account;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * One pooled HttpClient shared by every account's {@code WxMpService}, handed to WxJava through
 * {@code WxMpDefaultConfigImpl.setApacheHttpClientBuilder}.
 *
 * <p>WxJava's default builder is a JVM-wide singleton that is configured once (later settings are ignored), allows
 * only 10 connections per host and trusts every TLS certificate. This one has our timeouts (connect, read, and the
 * same wait for a pooled connection), a larger pool, the JVM's normal certificate checks, and no automatic retries: a
 * request that may have reached WeChat is never silently resent. Proxy settings from WxJava are not supported and
 * ignored.
 */
final class PooledHttpClientBuilder implements ApacheHttpClientBuilder, AutoCloseable {

    private final CloseableHttpClient client;

    PooledHttpClientBuilder(Duration connectTimeout, Duration readTimeout, int maxConnectionsPerHost) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(5, TimeUnit.MINUTES);
        pool.setDefaultMaxPerRoute(maxConnectionsPerHost);
        pool.setMaxTotal(maxConnectionsPerHost * 2);
        // A keep-alive connection the server already closed would fail our next POST in a way that looks like "may
        // have been sent" (NoHttpResponseException, reported as unknown); check connections idle for a second.
        pool.setValidateAfterInactivity(1_000);
        RequestConfig requests = RequestConfig.custom()
                .setConnectTimeout(millis(connectTimeout))
                .setConnectionRequestTimeout(millis(connectTimeout))
                .setSocketTimeout(millis(readTimeout))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requests)
                .disableAutomaticRetries()
                .evictExpiredConnections()
                .evictIdleConnections(30, TimeUnit.SECONDS)
                .setUserAgent("wayfarer")
                .build();
    }

    @Override
    public CloseableHttpClient build() {
        return client;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String httpProxyHost) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int httpProxyPort) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String httpProxyUsername) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String httpProxyPassword) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy keepAliveStrategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder supportedProtocols(String[] supportedProtocols) {
        return this;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
