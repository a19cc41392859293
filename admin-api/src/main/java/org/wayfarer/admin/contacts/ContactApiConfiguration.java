package org.wayfarer.admin.contacts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.journey.contact.ContactDirectory;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.runtime.StepLog;

/** The engine service behind the contact endpoints, built from the engine's ports (wired elsewhere). */
@Configuration(proxyBeanMethods = false)
public class ContactApiConfiguration {

    @Bean
    ContactDirectory contactDirectory(ContactStore contacts, EventLog events, StepLog steps, Outbox outbox) {
        return new ContactDirectory(contacts, events, steps, outbox);
    }
}
