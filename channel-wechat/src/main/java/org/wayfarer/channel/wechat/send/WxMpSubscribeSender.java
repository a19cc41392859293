package org.wayfarer.channel.wechat.send;

import java.util.Optional;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.subscribe.ConsentLedger;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Sends subscription messages (订阅通知, {@code wechat.subscribe}, {@code POST /cgi-bin/message/subscribe/bizsend};
 * message shape in {@link SubscribeMessages}) through the delivery's account to an openid.
 *
 * <p>WeChat takes one only while the follower has subscribed to the template; the engine asks the
 * {@link ConsentLedger} before it calls ({@link #unreachable}), so a follower without a standing grant, or whose
 * one-time grant another send spent, is refused without a call and a node with more channels falls through. A taken
 * message is recorded on the ledger with WeChat's msgid (it spends a one-time grant; the outbox row keeps the msgid as
 * its provider message id); 43101 (not subscribed, or refused) is a rejection, recorded as a refusal that voids every
 * earlier grant. The API has no idempotency key, so an unknown outcome is final (at most once). Other outcomes as in
 * {@link TemplateReceipts}. A ledger write that fails is logged and does not change the receipt: the outbox row still
 * counts. Never throws for provider or I/O errors. Thread-safe.
 */
public final class WxMpSubscribeSender implements ChannelSender {

    /** The channel name in journey definitions. */
    public static final String CHANNEL = ConsentLedger.CHANNEL;

    private static final Logger log = LoggerFactory.getLogger(WxMpSubscribeSender.class);

    private final WxMpServices services;
    private final ConsentLedger ledger;

    public WxMpSubscribeSender(WxMpServices services, ConsentLedger ledger) {
        this.services = services;
        this.ledger = ledger;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public IdentityKind addressKind() {
        return IdentityKind.WECHAT_OPENID;
    }

    /**
     * Refused while the follower holds no grant for the message's template on the account. A message without a
     * template is left to {@link #send}, which refuses it as {@code invalid_message}.
     */
    @Override
    public Optional<String> unreachable(Reach reach) {
        String templateId = SubscribeMessages.templateId(reach.message());
        return templateId == null ? Optional.empty() : ledger.unreachable(reach, templateId);
    }

    @Override
    public SendReceipt send(Delivery delivery) {
        WxMpSubscribeMessage message;
        try {
            message = SubscribeMessages.build(delivery);
        } catch (IllegalArgumentException e) {
            return new SendReceipt.Rejected("invalid_message", e.getMessage());
        }
        // WxJava throws NullPointerException for an answer without msgid: taken or not, nobody knows (Unknown)
        return AccountCalls.call(services, delivery.account(), account -> {
            String msgId = account.service().getSubscribeMsgService().send(message);
            note(delivery, () -> ledger.sent(delivery, message.getTemplateId(), msgId));
            return new SendReceipt.Accepted(msgId);
        }, receipt -> {
            if (receipt instanceof SendReceipt.Rejected refused
                    && refused.code().equals(String.valueOf(ConsentLedger.NOT_SUBSCRIBED))) {
                note(delivery, () -> ledger.refusedBySend(delivery, message.getTemplateId(), refused.reason()));
            }
            return receipt;
        });
    }

    private static void note(Delivery delivery, Runnable write) {
        if (delivery.contactId() == 0) {
            return; // a delivery built by hand, for no known contact: there is no ledger to write to
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("could not record subscription outcome of delivery {} in the consent ledger: {}",
                    delivery.deliveryId(), e.getClass().getSimpleName());
        }
    }
}
