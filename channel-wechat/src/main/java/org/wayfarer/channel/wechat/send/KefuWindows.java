package org.wayfarer.channel.wechat.send;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.StoredEvent;

/**
 * A follower's customer-service reply windows on one official account, as WeChat enforces them (since June 2023):
 * a message from the follower allows 5 kefu messages within 48 hours; a follow, a QR scan, a menu click or a scan
 * from the menu allows 3 within 1 minute. Each interaction opens a window of its own; a send may go while any window
 * is still open and has quota left, counting the kefu messages to the follower on that account queued since the
 * window opened (sent, being sent, of unknown outcome, or waiting to go; not refused or withdrawn ones). Payment
 * windows (支付成功) are not modelled: Wayfarer receives no payment callback.
 *
 * <p>Read from the event log and the outbox, never stored apart, so it is exactly as current as they are. A send
 * queued earlier in the same processing transaction is not seen; the dispatcher checks again before the call.
 * Thread-safe.
 */
public final class KefuWindows {

    private record Grant(int quota, Duration validity) {
    }

    private static final Grant MESSAGE = new Grant(5, Duration.ofHours(48));
    private static final Grant ACTION = new Grant(3, Duration.ofMinutes(1));
    private static final Map<String, Grant> GRANTS = Map.of(
            EventTypes.WECHAT_MESSAGE_RECEIVED, MESSAGE,
            EventTypes.WECHAT_FOLLOWED, ACTION,
            EventTypes.WECHAT_QR_SCANNED, ACTION,
            EventTypes.WECHAT_MENU_CLICKED, ACTION,
            EventTypes.WECHAT_MENU_SCANNED, ACTION);
    /** More interactions than this within 48 hours add no window the newest ones do not already give. */
    private static final int INTERACTIONS = 50;
    private static final int SENDS = 200;

    private final EventLog events;
    private final Outbox outbox;

    public KefuWindows(EventLog events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    /** Why no kefu message may reach the follower now; empty while a window is open with quota left. */
    public Optional<String> closed(Reach reach) {
        List<StoredEvent> interactions = events.recent(reach.tenantId(), reach.contactId(), reach.account(),
                GRANTS.keySet(), reach.now().minus(MESSAGE.validity()), INTERACTIONS);
        if (interactions.isEmpty()) {
            return Optional.of("no reply window: the follower has not interacted with " + reach.account()
                    + " in the last 48 hours");
        }
        List<OutboxMessage> sends = null;
        String spent = null;
        for (StoredEvent interaction : interactions) {
            Grant grant = GRANTS.get(interaction.event().type());
            Instant opened = interaction.event().occurredAt();
            if (!reach.now().isBefore(opened.plus(grant.validity()))) {
                continue;
            }
            if (sends == null) {
                sends = kefuSends(reach);
            }
            long used = sends.stream().filter(m -> !m.createdAt().isBefore(opened)).count();
            if (used < grant.quota()) {
                return Optional.empty();
            }
            spent = spent != null ? spent : "the reply window " + interaction.event().type() + " opened at " + opened
                    + " allows " + grant.quota() + " kefu messages and " + used + " were sent";
        }
        if (spent != null) {
            return Optional.of(spent);
        }
        StoredEvent last = interactions.get(0);
        Instant until = last.event().occurredAt().plus(GRANTS.get(last.event().type()).validity());
        return Optional.of("reply window closed: " + last.event().type() + " at " + last.event().occurredAt()
                + " allowed kefu messages until " + until);
    }

    private List<OutboxMessage> kefuSends(Reach reach) {
        return outbox.forContact(reach.tenantId(), reach.contactId(), SENDS).stream()
                .filter(m -> WxMpKefuSender.CHANNEL.equals(m.channel()) && m.account().equals(reach.account())
                        && m.id() != reach.deliveryId()
                        && m.status() != OutboxStatus.REJECTED && m.status() != OutboxStatus.DROPPED)
                .toList();
    }
}
