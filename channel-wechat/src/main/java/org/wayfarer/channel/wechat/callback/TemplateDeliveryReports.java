package org.wayfarer.channel.wechat.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.channel.wechat.send.WxMpTemplateSender;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.IntakeResult;

/**
 * Hands every callback event to the engine and, for a template delivery report (TEMPLATESENDJOBFINISH, mapped to
 * {@value EventTypes#WECHAT_TEMPLATE_DELIVERED}), records its status ({@code success}, {@code failed:user block},
 * {@code failed: system failed}) on the outbox row WeChat knows by that msgid, once the event is durable. A repeat
 * (WeChat retries) records the same status again. A report for a message not on record (sent by another system, or
 * still awaiting its receipt) changes nothing; the event itself is kept either way. Thread-safe.
 */
final class TemplateDeliveryReports implements EventIntake {

    private static final Logger log = LoggerFactory.getLogger(TemplateDeliveryReports.class);

    private final EventIntake intake;
    private final Outbox outbox;

    TemplateDeliveryReports(EventIntake intake, Outbox outbox) {
        this.intake = intake;
        this.outbox = outbox;
    }

    @Override
    public IntakeResult accept(ContactEvent event) {
        IntakeResult result = intake.accept(event);
        if (EventTypes.WECHAT_TEMPLATE_DELIVERED.equals(event.type())
                && event.properties().get("msgId") instanceof String msgId
                && event.properties().get("status") instanceof String status) {
            int rows = outbox.recordDelivery(WxMpTemplateSender.CHANNEL, event.source(), msgId, status,
                    event.occurredAt());
            if (rows == 0) {
                log.debug("template delivery report for msgid {} on {} matches no outbox row", msgId,
                        event.source());
            }
        }
        return result;
    }
}
