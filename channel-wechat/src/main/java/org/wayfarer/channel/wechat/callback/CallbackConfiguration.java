package org.wayfarer.channel.wechat.callback;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.event.EventIntake;

/** Wires the callback endpoint; imported by {@code WeChatChannelConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    MpCallbackController weChatMpCallbackController(WxMpServices services, EventIntake intake, Clock clock,
                                                    WeChatProperties properties) {
        return new MpCallbackController(new MpCallbackHandler(services, intake, clock, properties));
    }
}
