/** Outbound official-account sends: channel senders the engine's dispatcher calls, built on WxJava. */
package org.wayfarer.channel.wechat.send;
