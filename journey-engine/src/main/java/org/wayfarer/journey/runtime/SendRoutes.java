package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Fallbacks;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Which of a send's channels it goes out on: the first, in the node's order, on which the contact has an address
 * and that can reach the contact now ({@link ChannelSender#unreachable}, e.g. WeChat's kefu reply window); the
 * later ones with an address become its {@link Fallbacks} should the chosen channel refuse it at send time. Every
 * channel passed over is named with the reason, for the step log.
 */
final class SendRoutes {

    /**
     * @param chosen    the channel to send on; null when none can be used
     * @param recipient its address (null with {@code chosen})
     * @param skipped   the channels passed over, each as {@code "<channel>: <why>"}
     * @param addressed whether any channel had an address (false: the contact is unknown to all of them)
     */
    record Route(StepOutcome.Dispatch.Rendered chosen, Recipients.Recipient recipient,
                 List<Fallbacks.Fallback> fallbacks, List<String> skipped, boolean addressed) {
    }

    private final ChannelSenders senders;
    private final boolean askReach;

    /** @param askReach false for a simulated run (preview), which assumes every addressed channel can reach */
    SendRoutes(ChannelSenders senders, boolean askReach) {
        this.senders = senders;
        this.askReach = askReach;
    }

    Route route(StepOutcome.Dispatch dispatch, JourneyInstance at, InstanceRunner.Addresses addresses, Instant now) {
        StepOutcome.Dispatch.Rendered chosen = null;
        Recipients.Recipient recipient = null;
        List<Fallbacks.Fallback> fallbacks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean addressed = false;
        for (StepOutcome.Dispatch.Rendered choice : dispatch.choices()) {
            IdentityKind kind = senders.addressKind(choice.channel());
            Optional<Recipients.Recipient> address = kind == null ? Optional.of(InstanceRunner.noAddress(at))
                    : addresses.find(kind, dispatch.account());
            if (address.isEmpty()) {
                skipped.add(choice.channel() + ": no address via "
                        + (dispatch.account() == null ? "any account" : dispatch.account()));
                continue;
            }
            addressed = true;
            if (chosen != null) {
                fallbacks.add(new Fallbacks.Fallback(choice.channel(), address.get().account(),
                        address.get().address(), choice.message()));
                continue;
            }
            Optional<String> closed = unreachable(choice, at, address.get(), now);
            if (closed.isPresent()) {
                skipped.add(choice.channel() + ": " + closed.get());
                continue;
            }
            chosen = choice;
            recipient = address.get();
        }
        return new Route(chosen, recipient, fallbacks, skipped, addressed);
    }

    private Optional<String> unreachable(StepOutcome.Dispatch.Rendered choice, JourneyInstance at,
                                         Recipients.Recipient recipient, Instant now) {
        if (!askReach) {
            return Optional.empty();
        }
        Optional<ChannelSender> sender = senders.find(choice.channel());
        return sender.isEmpty() ? Optional.empty() : sender.get().unreachable(new Reach(at.tenantId(),
                at.contactId(), recipient.account(), recipient.address(), 0, now, choice.message()));
    }
}
