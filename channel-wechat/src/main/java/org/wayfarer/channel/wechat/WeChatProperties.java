package org.wayfarer.channel.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WeChat channel, prefix {@code wayfarer.wechat}.
 *
 * @param apiBaseUrl            base URL replacing {@code https://api.weixin.qq.com} (and the mp/open hosts), e.g. a
 *                              fake server in tests; {@code null} for the real WeChat hosts
 * @param maxCallbackBytes      largest callback body accepted; larger ones get 413 (default 1 MiB)
 * @param timestampTolerance    how far a callback's timestamp may be from the clock, either way (default 5 minutes)
 * @param connectTimeout        HTTP connect timeout towards WeChat (default 5 s)
 * @param readTimeout           HTTP read timeout towards WeChat (default 10 s)
 * @param maxConnectionsPerHost pooled HTTP connections per WeChat host, shared by all accounts (default 100)
 */
@ConfigurationProperties("wayfarer.wechat")
public record WeChatProperties(String apiBaseUrl,
                               @DefaultValue("1048576") int maxCallbackBytes,
                               @DefaultValue("PT5M") Duration timestampTolerance,
                               @DefaultValue("PT5S") Duration connectTimeout,
                               @DefaultValue("PT10S") Duration readTimeout,
                               @DefaultValue("100") int maxConnectionsPerHost) {

    public WeChatProperties {
        if (apiBaseUrl != null) {
            apiBaseUrl = apiBaseUrl.isBlank() ? null : apiBaseUrl.strip().replaceAll("/+$", "");
        }
        requirePositive(maxCallbackBytes, "maxCallbackBytes");
        requirePositive(maxConnectionsPerHost, "maxConnectionsPerHost");
        requirePositive(timestampTolerance, "timestampTolerance");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** The defaults above, talking to {@code apiBaseUrl} ({@code null}: real WeChat). */
    public static WeChatProperties defaults(String apiBaseUrl) {
        return new WeChatProperties(apiBaseUrl, 1_048_576, Duration.ofMinutes(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 100);
    }

    public WeChatProperties withReadTimeout(Duration timeout) {
        return new WeChatProperties(apiBaseUrl, maxCallbackBytes, timestampTolerance, connectTimeout, timeout,
                maxConnectionsPerHost);
    }

    public WeChatProperties withConnectTimeout(Duration timeout) {
        return new WeChatProperties(apiBaseUrl, maxCallbackBytes, timestampTolerance, timeout, readTimeout,
                maxConnectionsPerHost);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("wayfarer.wechat." + name + " must be positive");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("wayfarer.wechat." + name + " must be a positive duration");
        }
    }
}
