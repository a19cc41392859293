package org.wayfarer.journey.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.event.IdentityKind;

/** The registered channel senders by channel name; the set of names is what send nodes may use. */
public final class ChannelSenders {

    private final Map<String, ChannelSender> byChannel;

    public ChannelSenders(Collection<? extends ChannelSender> senders) {
        this.byChannel = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::channel,
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two senders for channel " + a.channel());
                }));
    }

    public Set<String> channels() {
        return byChannel.keySet();
    }

    public Optional<ChannelSender> find(String channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /** The channels whose provider de-duplicates a repeated delivery id, with their {@code idempotencyWindow}. */
    public Map<String, Duration> idempotencyWindows() {
        return byChannel.values().stream().filter(s -> s.idempotencyWindow().compareTo(Duration.ZERO) > 0)
                .collect(Collectors.toUnmodifiableMap(ChannelSender::channel, ChannelSender::idempotencyWindow));
    }

    /**
     * The identity kind of the channel's addresses; null for a channel that needs none (a webhook).
     *
     * @throws IllegalArgumentException for a channel nobody registered
     */
    public IdentityKind addressKind(String channel) {
        return find(channel).orElseThrow(() -> new IllegalArgumentException("no sender registered for channel "
                + channel)).addressKind();
    }
}
