package org.wayfarer.journey.channel;

import java.util.List;
import java.util.Objects;

/**
 * Every channel module's {@link ChannelAccounts} behind one question. A channel that no module covers owns nothing,
 * so a send through it is refused rather than let through unchecked. Thread-safe.
 */
public final class AccountOwnership {

    private final List<ChannelAccounts> channels;

    public AccountOwnership(List<? extends ChannelAccounts> channels) {
        this.channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
    }

    /** True when a module covering {@code channel} says {@code tenantId} owns {@code account}; null means no. */
    public boolean owns(long tenantId, String channel, String account) {
        if (channel == null || account == null) {
            return false;
        }
        for (ChannelAccounts accounts : channels) {
            if (accounts.covers(channel)) {
                return accounts.owns(tenantId, channel, account);
            }
        }
        return false;
    }
}
