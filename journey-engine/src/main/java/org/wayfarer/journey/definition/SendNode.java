package org.wayfarer.journey.definition;

import java.util.List;

/**
 * Sends a message on the first of its {@code choices} that can reach the contact when the node runs (an address on
 * the channel, and the channel open, e.g. WeChat's kefu reply window); the later ones that have an address are
 * fallbacks should WeChat refuse the first at send time. {@code account} (nullable) names the sending account; by
 * default the account through which the contact is reachable (the runtime's {@code Recipients} decide). {@code next}
 * is nullable (the path ends: the instance completes). {@code failed} (nullable) is taken when no choice can be used;
 * without it the instance goes on to {@code next}. {@code stock} (nullable) limits the coupons a
 * {@value #COUPON_CHANNEL} choice issues; {@code soldOut} (nullable) is taken once they are all issued (else
 * {@code failed}, else {@code next}). {@code quietHours} (nullable) adds to the tenant's and the journey's.
 */
public record SendNode(String id, List<Choice> choices, String account, String next, String failed, String soldOut,
                       Stock stock, QuietHoursRule quietHours) implements Node {

    /** The coupon (card voucher) channel, whose message may carry a {@code stock}. */
    public static final String COUPON_CHANNEL = "wechat.coupon";

    /** One channel of the node and its message. */
    public record Choice(String channel, MessageTemplate message) {
    }

    /** At most {@code limit} coupons of {@code cardId} from this node, over all the journey's versions. */
    public record Stock(String cardId, long limit) {
    }

    public SendNode {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("send node '" + id + "' has no channel");
        }
    }

    /** A send on one channel. */
    public SendNode(String id, String channel, String account, MessageTemplate message, String next,
                    QuietHoursRule quietHours) {
        this(id, List.of(new Choice(channel, message)), account, next, null, null, null, quietHours);
    }

    /** A send on one channel with no quiet hours of its own. */
    public SendNode(String id, String channel, String account, MessageTemplate message, String next) {
        this(id, channel, account, message, next, null);
    }

    /** The first channel. */
    public String channel() {
        return choices.get(0).channel();
    }

    /** The first channel's message. */
    public MessageTemplate message() {
        return choices.get(0).message();
    }

    /** Whether {@code channel} is one of the node's channels. */
    public boolean sendsOn(String channel) {
        return choices.stream().anyMatch(choice -> choice.channel().equals(channel));
    }
}
