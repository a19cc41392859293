package org.wayfarer.journey.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/** A {@code wechat.template} channel that accepts everything and remembers what it was given. Thread-safe. */
public final class RecordingSender implements ChannelSender {

    private final List<Delivery> sent = new CopyOnWriteArrayList<>();

    @Override
    public String channel() {
        return "wechat.template";
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
