package org.wayfarer.journey.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * A channel on openids (by default {@code wechat.kefu}) whose reach a test opens and closes per recipient, and whose
 * answer it scripts: accepts everything unless told to refuse. Thread-safe.
 */
public final class WindowedSender implements ChannelSender {

    private final String channel;
    private final List<Delivery> sent = new CopyOnWriteArrayList<>();
    private final List<Reach> asked = new CopyOnWriteArrayList<>();
    private final Map<String, String> closed = new ConcurrentHashMap<>();
    private final Map<String, SendReceipt.Rejected> refusals = new ConcurrentHashMap<>();

    public WindowedSender() {
        this("wechat.kefu");
    }

    public WindowedSender(String channel) {
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public IdentityKind addressKind() {
        return IdentityKind.WECHAT_OPENID;
    }

    @Override
    public Optional<String> unreachable(Reach reach) {
        asked.add(reach);
        return Optional.ofNullable(closed.get(reach.recipient()));
    }

    @Override
    public SendReceipt send(Delivery delivery) {
        sent.add(delivery);
        SendReceipt.Rejected refusal = refusals.get(delivery.recipient());
        return refusal != null ? refusal : new SendReceipt.Accepted(null);
    }

    /** The channel cannot reach {@code openid} from now on, for {@code reason}. */
    public void close(String openid, String reason) {
        closed.put(openid, reason);
    }

    /** Every send to {@code openid} from now on is refused with {@code code}. */
    public void refuse(String openid, String code, String reason) {
        refusals.put(openid, new SendReceipt.Rejected(code, reason));
    }

    /** Everything sent so far, in order. */
    public List<Delivery> sent() {
        return List.copyOf(sent);
    }

    /** Every reach this channel was asked about so far ({@link #unreachable}), in order. */
    public List<Reach> asked() {
        return List.copyOf(asked);
    }

    /** What was sent to one openid, in order. */
    public List<Delivery> to(String openid) {
        return sent.stream().filter(d -> d.recipient().equals(openid)).toList();
    }
}
