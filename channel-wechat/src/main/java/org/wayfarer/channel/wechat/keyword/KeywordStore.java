package org.wayfarer.channel.wechat.keyword;

import java.util.List;

/** Where an official account's keyword rules are kept, replaced whole (port). Thread-safe. */
public interface KeywordStore {

    /** The account's rules in order; empty when it has none. */
    List<KeywordRule> rules(String appId);

    /** Replaces the account's rules. */
    void replace(long tenantId, String appId, List<KeywordRule> rules);
}
