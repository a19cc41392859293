package org.wayfarer.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.wayfarer.channel.wechat.WeChatChannelConfiguration;

/** The channels this server runs, one import each. */
@Configuration(proxyBeanMethods = false)
@Import(WeChatChannelConfiguration.class)
class ChannelWiring {
}
