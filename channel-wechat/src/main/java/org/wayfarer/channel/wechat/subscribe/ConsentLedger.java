package org.wayfarer.channel.wechat.subscribe;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.ContactEvent;

/**
 * The subscription-consent ledger (订阅通知): per (tenant, contact, account, template), what the follower granted and
 * refused and what WeChat did with the messages sent on it, and whether a message may go now ({@link ConsentCheck}).
 *
 * <p><b>Why a table, written in the callback path.</b> A grant must be visible the moment a journey triggered by it
 * asks: "the follower accepted T, send T" is the canonical journey. The records are therefore stored by
 * {@link ConsentRecordingIntake} <em>before</em> the push is handed to the event intake, so no processing of the
 * event can run before its grant is readable, and a grant found by the check needs no scan of the event log (a
 * long-term grant may be years old). Exactly once per push: a record is unique per (tenant, account, the push's
 * dedupe key, template), so WeChat's retries, and a retry after the intake failed, store nothing new. What sends
 * learn is recorded by the sender: {@link ConsentKind#SENT} with WeChat's msgid when a message was taken, and
 * {@link ConsentKind#SEND_REFUSED} when WeChat answered 43101, which voids every earlier grant. Queued sends spend
 * grants too, and are read from the outbox, like the kefu reply windows, so a send queued a moment ago counts at once.
 *
 * <p>Only the newest {@value #RECORDS} records of a template and the newest {@value #SENDS} outbox rows of the contact
 * are read: WeChat stays the final judge, and a send that slips past a grant we miscounted is refused with 43101,
 * which the ledger then records. Thread-safe.
 */
public final class ConsentLedger {

    /** The sender's channel name, whose outbox rows spend one-time grants. */
    public static final String CHANNEL = "wechat.subscribe";
    /** WeChat's answer to a send without a subscription. */
    public static final int NOT_SUBSCRIBED = 43101;
    static final int RECORDS = 200;
    static final int SENDS = 200;

    private final ConsentStore store;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public ConsentLedger(ConsentStore store, Outbox outbox, IdGenerator ids, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether {@link #record} stores anything for this event. */
    public static boolean concerns(ContactEvent event) {
        return ConsentRecords.concerns(event);
    }

    /**
     * Records the grants, refusals and delivery reports of a subscription push for its contact; a push recorded
     * before adds nothing.
     *
     * @return how many records were new
     */
    public int record(ContactEvent event, long contactId) {
        int added = 0;
        for (ConsentRecord record : ConsentRecords.of(event, contactId, ids, clock.instant())) {
            if (store.insert(record)) {
                added++;
            }
        }
        return added;
    }

    /** WeChat took {@code delivery}'s message of {@code templateId} as {@code msgId}: a one-time grant is spent. */
    public void sent(Delivery delivery, String templateId, String msgId) {
        store.insert(new ConsentRecord(ids.nextId(), delivery.tenantId(), delivery.contactId(), delivery.account(),
                templateId, ConsentKind.SENT, clock.instant(), "send:" + delivery.deliveryId(),
                delivery.deliveryId(), msgId, null, null, clock.instant()));
    }

    /** WeChat refused {@code delivery} with 43101: the follower has no subscription to {@code templateId}. */
    public void refusedBySend(Delivery delivery, String templateId, String reason) {
        store.insert(new ConsentRecord(ids.nextId(), delivery.tenantId(), delivery.contactId(), delivery.account(),
                templateId, ConsentKind.SEND_REFUSED, clock.instant(), "refused:" + delivery.deliveryId(),
                delivery.deliveryId(), null, NOT_SUBSCRIBED, reason, clock.instant()));
    }

    /**
     * Why no message of {@code templateId} may reach {@code reach}'s follower on its account now, empty when one
     * may: the follower holds a standing grant, or a one-time grant no other send has spent.
     */
    public Optional<String> unreachable(Reach reach, String templateId) {
        List<ConsentRecord> records = store.forTemplate(reach.tenantId(), reach.contactId(), reach.account(),
                templateId, RECORDS);
        return ConsentCheck.unreachable(templateId, reach.account(), records,
                () -> outbox.forContact(reach.tenantId(), reach.contactId(), SENDS), CHANNEL, reach.deliveryId());
    }

    /** The contact's consent records on every account and template, newest first (for the admin and timeline). */
    public List<ConsentRecord> history(long tenantId, long contactId, int limit) {
        return store.history(tenantId, contactId, limit);
    }

    /** The send WeChat knows as {@code msgId} on the account ({@link ConsentKind#SENT}) and its delivery reports. */
    public List<ConsentRecord> byMsgId(long tenantId, String appId, String msgId) {
        return store.byMsgId(tenantId, appId, msgId);
    }
}
