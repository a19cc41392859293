package org.wayfarer.channel.wechat.keyword;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wayfarer.channel.wechat.UnknownAccountException;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.account.AppIds;

/**
 * Keyword replies of official accounts: ops set each account's rules; a follower's text message is answered with
 * the reply of the first rule that matches, in order. Rules are read from the store at most every
 * {@value #CACHE_SECONDS} seconds per account (a callback must answer within 5 seconds; a change made on this node
 * applies at once, one made on another node within that time). Thread-safe.
 */
public final class KeywordReplies {

    /** How long an account's rules are kept in memory. */
    static final long CACHE_SECONDS = 10;
    /** The most rules an account may have. */
    public static final int MAX_RULES = 200;

    private record Cached(List<KeywordRule> rules, Instant until) {
    }

    private final KeywordStore store;
    private final WeChatAccounts accounts;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public KeywordReplies(KeywordStore store, WeChatAccounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Replaces the rules of the tenant's account {@code appId}.
     *
     * @throws UnknownAccountException when the tenant has not connected that account
     * @throws IllegalArgumentException when there are more than {@value #MAX_RULES} rules or a keyword repeats
     */
    public List<KeywordRule> replace(long tenantId, String appId, List<KeywordRule> rules) {
        requireOwn(tenantId, appId);
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("an account may have at most " + MAX_RULES + " keyword rules, got "
                    + rules.size());
        }
        long distinct = rules.stream().map(rule -> rule.match() + "\n" + rule.keyword().toLowerCase()).distinct()
                .count();
        if (distinct != rules.size()) {
            throw new IllegalArgumentException("a keyword is listed twice with the same match");
        }
        String account = AppIds.normalize(appId);
        store.replace(tenantId, account, List.copyOf(rules));
        cache.remove(account);
        return List.copyOf(rules);
    }

    /** The rules of the tenant's account {@code appId}, in order. */
    public List<KeywordRule> rules(long tenantId, String appId) {
        requireOwn(tenantId, appId);
        return store.rules(AppIds.normalize(appId));
    }

    /** The reply to a follower's {@code text} on {@code appId} (as stored: normalized), if a rule matches it. */
    public Optional<String> replyTo(String appId, String text) {
        Instant now = clock.instant();
        Cached cached = cache.get(appId);
        if (cached == null || now.isAfter(cached.until())) {
            cached = new Cached(store.rules(appId), now.plus(Duration.ofSeconds(CACHE_SECONDS)));
            cache.put(appId, cached);
        }
        return cached.rules().stream().filter(rule -> rule.matches(text)).findFirst().map(KeywordRule::reply);
    }

    private void requireOwn(long tenantId, String appId) {
        if (!accounts.isConnected(tenantId, appId)) {
            throw new UnknownAccountException(appId);
        }
    }
}
