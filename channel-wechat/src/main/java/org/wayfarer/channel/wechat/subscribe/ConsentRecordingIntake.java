package org.wayfarer.channel.wechat.subscribe;

import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.IntakeResult;

/**
 * The callback's event intake with the consent ledger in front: a subscription push ({@code wechat.subscribe_msg_*})
 * is recorded in the {@link ConsentLedger} for its contact, then handed on; every other event is handed on as it is.
 *
 * <p>Recorded first, so that a journey the event triggers sees the grant (see {@link ConsentLedger}). The contact is
 * found, or created on first sight, by the engine's {@link ContactResolver}, which the intake then runs again and
 * which finds the same contact (it is idempotent). A failure of either propagates: the callback answers 500, WeChat
 * retries, and the retry records nothing twice (the ledger is unique per push) and is deduplicated by the intake.
 * Thread-safe.
 */
public final class ConsentRecordingIntake implements EventIntake {

    private final EventIntake intake;
    private final ContactResolver contacts;
    private final ConsentLedger ledger;

    public ConsentRecordingIntake(EventIntake intake, ContactResolver contacts, ConsentLedger ledger) {
        this.intake = intake;
        this.contacts = contacts;
        this.ledger = ledger;
    }

    @Override
    public IntakeResult accept(ContactEvent event) {
        if (ConsentLedger.concerns(event)) {
            ledger.record(event, contacts.resolve(event));
        }
        return intake.accept(event);
    }
}
