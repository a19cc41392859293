package org.wayfarer.channel.wechat.send;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The template-message daily quota per official account, prefix {@code wayfarer.wechat.template-quota}: WeChat allows
 * 100,000 template messages a day to an account by default and more to accounts with more followers
 * (「当账号粉丝数超过10W/100W/1000W时，模板消息的日调用上限会相应提升」), counted from 00:00 Beijing time.
 *
 * @param daily    the quota of every account not listed in {@code accounts} (default 100,000)
 * @param accounts per-AppID quotas, e.g. {@code wayfarer.wechat.template-quota.accounts.wx1234567890abcdef=1000000}
 */
@ConfigurationProperties("wayfarer.wechat.template-quota")
public record TemplateQuotaProperties(@DefaultValue("100000") long daily, Map<String, Long> accounts) {

    /** WeChat's default for every account. */
    public static final long WECHAT_DEFAULT = 100_000;

    public TemplateQuotaProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        if (daily < 1 || accounts.values().stream().anyMatch(quota -> quota == null || quota < 1)) {
            throw new IllegalArgumentException("wayfarer.wechat.template-quota values must be positive");
        }
    }

    /** WeChat's default quota for every account. */
    public static TemplateQuotaProperties defaults() {
        return new TemplateQuotaProperties(WECHAT_DEFAULT, Map.of());
    }

    /** The quota of {@code appId}. */
    public long of(String appId) {
        return accounts.getOrDefault(appId, daily);
    }
}
