package org.wayfarer.admin.contacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.profile.TimelineEntry;

/**
 * One timeline line. {@code kind} says which fields are present: EVENT (eventId, type, source, properties), STEP
 * (instanceId, journeyId, journeyVersion, nodeId, outcome, detail) or MESSAGE (deliveryId, journeyId, nodeId,
 * channel, account, status, errorCode, errorMessage, updatedAt). Absent fields are left out. Ids are strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntryResponse(
        TimelineEntry.Kind kind,
        @Schema(description = "EVENT: when it occurred; STEP: when it ran; MESSAGE: when it was queued")
        Instant at,
        String eventId,
        String type,
        String source,
        Map<String, Object> properties,
        String instanceId,
        String journeyId,
        Integer journeyVersion,
        String nodeId,
        String outcome,
        String detail,
        String deliveryId,
        String channel,
        String account,
        OutboxStatus status,
        String errorCode,
        String errorMessage,
        Instant updatedAt) {

    static TimelineEntryResponse of(TimelineEntry entry) {
        if (entry instanceof TimelineEntry.EventEntry) {
            TimelineEntry.EventEntry e = (TimelineEntry.EventEntry) entry;
            return new TimelineEntryResponse(e.kind(), e.at(), Long.toString(e.eventId()), e.type(), e.source(),
                    e.properties(), null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (entry instanceof TimelineEntry.StepEntry) {
            TimelineEntry.StepEntry s = (TimelineEntry.StepEntry) entry;
            return new TimelineEntryResponse(s.kind(), s.at(), null, null, null, null, Long.toString(s.instanceId()),
                    Long.toString(s.journeyId()), s.journeyVersion(), s.nodeId(), s.outcome(), s.detail(), null, null,
                    null, null, null, null, null);
        }
        TimelineEntry.MessageEntry m = (TimelineEntry.MessageEntry) entry;
        return new TimelineEntryResponse(m.kind(), m.at(), null, null, null, null, null,
                Long.toString(m.journeyId()), null, m.nodeId(), null, null, Long.toString(m.deliveryId()),
                m.channel(), m.account(), m.status(), m.errorCode(), m.errorMessage(), m.updatedAt());
    }
}
