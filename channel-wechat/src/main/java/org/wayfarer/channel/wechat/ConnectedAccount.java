package org.wayfarer.channel.wechat;

import java.time.Instant;

/** STAND-IN (admin branch): the real type arrives with the channel-wechat work; drop this file at merge. */
public record ConnectedAccount(String appId, String name, boolean safeMode, Instant connectedAt) {
}
