package org.wayfarer.channel.wechat.callback;

import java.time.Clock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.subscribe.ConsentLedger;
import org.wayfarer.channel.wechat.subscribe.ConsentRecordingIntake;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventIntake;

/**
 * Registers the callback servlet beside Spring MVC's dispatcher, its pushes going to the event intake through the
 * subscription-consent ledger ({@link ConsentRecordingIntake}) and the template delivery reports
 * ({@link TemplateDeliveryReports}), text messages answered by the account's keyword rules; imported by
 * {@code WeChatChannelConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    ServletRegistrationBean<MpCallbackServlet> weChatMpCallbackServlet(WxMpServices services, EventIntake intake,
                                                                      ContactResolver contacts, ConsentLedger ledger,
                                                                      Outbox outbox, KeywordReplies replies,
                                                                      Clock clock, WeChatProperties properties) {
        EventIntake reporting = new TemplateDeliveryReports(new ConsentRecordingIntake(intake, contacts, ledger),
                outbox);
        ServletRegistrationBean<MpCallbackServlet> registration = new ServletRegistrationBean<>(
                new MpCallbackServlet(new MpCallbackHandler(services, reporting, replies, clock, properties)),
                MpCallbackServlet.MAPPING);
        registration.setName("wechatMpCallbacks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
