package org.wayfarer.journey.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * A channel (by default {@code wechat.template}, at-most-once) that accepts everything and remembers what it was
 * given. Thread-safe.
 */
public final class RecordingSender implements ChannelSender {

    private final List<Delivery> sent = new CopyOnWriteArrayList<>();
    private final String channel;
    private final Duration window;

    public RecordingSender() {
        this("wechat.template", Duration.ZERO);
    }

    /** @param window its {@link #idempotencyWindow()}: positive for a channel that may repeat a delivery id */
    public RecordingSender(String channel, Duration window) {
        this.channel = channel;
        this.window = window;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public Duration idempotencyWindow() {
        return window;
    }

    @Override
    public IdentityKind addressKind() {
        return IdentityKind.WECHAT_OPENID;
    }

    @Override
    public SendReceipt send(Delivery delivery) {
        sent.add(delivery);
        return new SendReceipt.Accepted("MSG-" + delivery.deliveryId());
    }

    /** Everything sent so far, in order. */
    public List<Delivery> sent() {
        return List.copyOf(sent);
    }

    /** What was sent to one openid, in order. */
    public List<Delivery> to(String openid) {
        return sent.stream().filter(d -> d.recipient().equals(openid)).toList();
    }
}
