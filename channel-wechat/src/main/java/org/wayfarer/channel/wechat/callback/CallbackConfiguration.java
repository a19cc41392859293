package org.wayfarer.channel.wechat.callback;

import java.time.Clock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.subscribe.ConsentLedger;
import org.wayfarer.channel.wechat.subscribe.ConsentRecordingIntake;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.event.EventIntake;

/**
 * Registers the callback servlet beside Spring MVC's dispatcher, its pushes going to the event intake through the
 * subscription-consent ledger ({@link ConsentRecordingIntake}); imported by {@code WeChatChannelConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    ServletRegistrationBean<MpCallbackServlet> weChatMpCallbackServlet(WxMpServices services, EventIntake intake,
                                                                      ContactResolver contacts, ConsentLedger ledger,
                                                                      Clock clock, WeChatProperties properties) {
        EventIntake recording = new ConsentRecordingIntake(intake, contacts, ledger);
        ServletRegistrationBean<MpCallbackServlet> registration = new ServletRegistrationBean<>(
                new MpCallbackServlet(new MpCallbackHandler(services, recording, clock, properties)),
                MpCallbackServlet.MAPPING);
        registration.setName("wechatMpCallbacks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
