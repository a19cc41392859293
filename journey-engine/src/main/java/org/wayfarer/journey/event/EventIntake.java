package org.wayfarer.journey.event;

/**
 * Where channels hand contact events to the engine.
 *
 * <p>Contract: when {@link #accept} returns, the event is durable (it survives {@code kill -9}) and will be processed
 * exactly once, in order with the contact's other events. Accepting an event whose (tenant, source, dedupe key) was
 * accepted before returns {@link IntakeResult.Duplicate} and changes nothing, across restarts. Thread-safe; callable
 * from request threads. Never runs journey logic on the caller's thread.
 */
public interface EventIntake {

    IntakeResult accept(ContactEvent event);
}
