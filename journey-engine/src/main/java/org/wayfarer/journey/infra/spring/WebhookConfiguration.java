package org.wayfarer.journey.infra.spring;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.runtime.WebhookAnswers;
import org.wayfarer.journey.webhook.WebhookAccounts;
import org.wayfarer.journey.webhook.WebhookClient;
import org.wayfarer.journey.webhook.WebhookSender;

/**
 * The {@code webhook} channel: calls go out through the outbox like any send; answers come back as events of the
 * contact ({@link WebhookAnswers}). The intake is looked up on first use: the intake hands work to the workers,
 * whose dispatcher holds this sender.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

    @Bean
    WebhookSender webhookSender(ObjectProvider<EventIntake> intake, ContactStore contacts, Clock clock) {
        WebhookAnswers answers = new WebhookAnswers(intake::getObject, contacts, clock);
        return new WebhookSender(new WebhookClient(clock), answers);
    }

    @Bean
    WebhookAccounts webhookAccounts() {
        return new WebhookAccounts();
    }
}
