package org.wayfarer.journey.channel;

/**
 * Which tenant owns a sending account (port, implemented by each channel module for its channels).
 *
 * <p>Contract: one tenant must never send through another tenant's account. The engine asks this at publish (a send
 * node naming an {@code account}), at intake (an event naming an identity within an account) and again right before
 * every provider call. Answers only from the channel's own records; never throws for an unknown account or channel
 * (that is simply "not owned"). Thread-safe; may be called on request, worker and dispatcher threads; should be cheap
 * (implementations may cache briefly, but an account connected to a tenant just now must be seen at once).
 */
public interface ChannelAccounts {

    /**
     * @param channel a channel name as in journey definitions, e.g. {@code wechat.template}
     * @param account the account within the channel (for WeChat channels: the official account's AppID, any case)
     * @return true when {@code tenantId} has connected {@code account} for {@code channel}
     */
    boolean owns(long tenantId, String channel, String account);

    /** Whether this implementation answers for {@code channel} at all (a channel no module claims owns nothing). */
    boolean covers(String channel);
}
