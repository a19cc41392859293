package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.dispatch.OutboxClaim;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxReceipt;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryOutbox;

/** WeChat's reply windows: 5 kefu messages within 48 h of a message, 3 within a minute of a follow, scan or click. */
class KefuWindowsTest {

    private static final long TENANT = 5;
    private static final long CONTACT = 42;
    private static final String APP = "wx1234567890abcdef";
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private final AtomicLong ids = new AtomicLong(1_000);
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final KefuWindows windows = new KefuWindows(events, outbox);

    private void interacted(String type, String account, Instant at) {
        ContactEvent event = new ContactEvent(TENANT, account, "k" + ids.incrementAndGet(), type,
                Identity.wechatOpenid(account, "o1"), null, at, Map.of(), Map.of());
        events.append(new EventLog.NewEvent(ids.incrementAndGet(), event, CONTACT, 0), at);
    }

    private long kefuSent(String channel, Instant at) {
        long id = ids.incrementAndGet();
        outbox.insert(List.of(new OutboxMessage(id, TENANT, id + 1, 7, "welcome", 1, CONTACT, channel, APP, "o1",
                Map.of(), OutboxStatus.PENDING, 0, at, null, null, null, at, at)));
        return id;
    }

    private Reach reach(long deliveryId) {
        return new Reach(TENANT, CONTACT, APP, "o1", deliveryId, NOW);
    }

    @Test
    void noInteractionMeansNoWindow() {
        interacted(EventTypes.WECHAT_FOLLOWED, "wx-other-account", NOW.minusSeconds(10));
        interacted(EventTypes.WECHAT_MENU_VIEWED, APP, NOW.minusSeconds(10));

        assertThat(windows.closed(reach(0))).contains("no reply window: the follower has not interacted with " + APP
                + " in the last 48 hours");
    }

    @Test
    void aFollowAllowsThreeKefuMessagesWithinAMinute() {
        Instant followed = NOW.minusSeconds(30);
        interacted(EventTypes.WECHAT_FOLLOWED, APP, followed);
        kefuSent("wechat.kefu", followed.plusSeconds(1));
        kefuSent("wechat.template", followed.plusSeconds(1));
        long second = kefuSent("wechat.kefu", followed.plusSeconds(2));
        assertThat(windows.closed(reach(0))).isEmpty();

        long third = kefuSent("wechat.kefu", followed.plusSeconds(3));
        assertThat(windows.closed(reach(third))).as("the send being checked is not counted").isEmpty();
        assertThat(windows.closed(reach(0))).contains("the reply window wechat.followed opened at " + followed
                + " allows 3 kefu messages and 3 were sent");

        OutboxClaim claim = outbox.lease(List.of(second), "node-a", NOW, NOW.plusSeconds(30)).get(0);
        outbox.settle("node-a", List.of(OutboxReceipt.rejected(claim, "45015", "response out of time limit")), NOW);
        assertThat(windows.closed(reach(0))).as("a refused message used nothing").isEmpty();
    }

    @Test
    void aFollowWindowClosesAfterAMinute() {
        Instant followed = NOW.minus(Duration.ofMinutes(2));
        interacted(EventTypes.WECHAT_FOLLOWED, APP, followed);

        assertThat(windows.closed(reach(0))).contains("reply window closed: wechat.followed at " + followed
                + " allowed kefu messages until " + followed.plusSeconds(60));
    }

    @Test
    void aMessageFromTheFollowerAllowsFiveWithin48HoursAlongsideALaterClick() {
        Instant wrote = NOW.minus(Duration.ofHours(47));
        interacted(EventTypes.WECHAT_MESSAGE_RECEIVED, APP, wrote);
        interacted(EventTypes.WECHAT_MENU_CLICKED, APP, NOW.minus(Duration.ofHours(1)));
        for (int i = 0; i < 4; i++) {
            kefuSent("wechat.kefu", wrote.plus(Duration.ofHours(i)));
        }
        assertThat(windows.closed(reach(0))).as("the click's minute is over, the message's window is not").isEmpty();

        kefuSent("wechat.kefu", NOW.minusSeconds(5));
        assertThat(windows.closed(reach(0))).contains("the reply window wechat.message_received opened at " + wrote
                + " allows 5 kefu messages and 5 were sent");
    }
}
