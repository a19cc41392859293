package org.wayfarer.channel.wechat;

import java.time.Instant;

/**
 * An official account connected to a tenant, as shown to operators. Never carries credentials.
 *
 * @param appId       lower-case AppID
 * @param name        display name
 * @param safeMode    whether callbacks are AES encrypted (an EncodingAESKey was given)
 * @param connectedAt when it was connected (millisecond precision)
 */
public record ConnectedAccount(String appId, String name, boolean safeMode, Instant connectedAt) {
}
