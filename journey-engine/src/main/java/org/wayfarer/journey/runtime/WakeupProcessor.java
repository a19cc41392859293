package org.wayfarer.journey.runtime;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.WaitNode;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Resumes a waiting instance whose timer is due, against the batch's in-memory state. Safe to repeat: an instance
 * that is no longer waiting (an event in the same batch ended it, or another node resumed it), or not yet due, is
 * left alone; the batch's versioned write rejects a concurrent writer.
 */
public final class WakeupProcessor {

    private static final Logger log = LoggerFactory.getLogger(WakeupProcessor.class);

    private final Engine engine;

    public WakeupProcessor(Engine engine) {
        this.engine = engine;
    }

    void resume(DueWakeup wakeup, Batch batch) {
        Optional<JourneyInstance> found = batch.instance(wakeup.contactId(), wakeup.instanceId());
        if (found.isEmpty() || found.get().status() != InstanceStatus.WAITING || found.get().wakeAt() == null
                || found.get().wakeAt().isAfter(batch.now())) {
            log.debug("instance {} is not due any more; wake-up ignored", wakeup.instanceId());
            return;
        }
        JourneyInstance instance = found.get();
        JourneyDefinition definition = engine.published().definition(instance.tenantId(), instance.journeyId(),
                instance.journeyVersion());
        Node waiting = definition.node(instance.currentNode());
        if (!(waiting instanceof WaitNode wait)) {
            throw new IllegalStateException("instance " + instance.id() + " waits at node '" + instance.currentNode()
                    + "', which is not a wait node in version " + instance.journeyVersion());
        }
        Contact contact = batch.contact(instance.contactId()).orElseThrow(() -> new IllegalStateException(
                "contact " + instance.contactId() + " of instance " + instance.id() + " does not exist"));
        StoredEvent trigger = batch.trigger(instance.triggerEventId()).orElseThrow(() -> new IllegalStateException(
                "trigger event " + instance.triggerEventId() + " of instance " + instance.id() + " does not exist"));
        Changes changes = batch.changes();
        engine.runner().step(changes, instance, "RESUMED", "due " + instance.wakeAt(), batch.now());
        InstanceRunner.Run run = new InstanceRunner.Run(definition, Engine.facts(contact, trigger.event()),
                trigger.event().source(), batch.now(), () -> batch.identities(instance.contactId()));
        batch.instanceChanged(engine.runner().run(instance, wait.next(), run, changes));
    }
}
