package org.wayfarer.admin.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.preview.PreviewResult;

/** What a preview of a draft found; nothing of it was persisted or sent. */
public record PreviewResponse(
        @Schema(description = "The steps the contact would take, as the step log would record them")
        List<Step> path,
        @Schema(description = "The messages that would be sent, rendered, with when each would go out")
        List<Message> messages,
        @Schema(description = "The webhook calls that would be made (never made by a preview), without headers and "
                + "secret, with the simulated answer")
        List<WebhookCall> webhookCalls,
        @Schema(description = "How it ended; null when still waiting at 'until'", nullable = true)
        Ended ended,
        @Schema(description = "Where it still waits at 'until'; null when it ended", nullable = true)
        Waiting waiting,
        @Schema(description = "The end of virtual time the preview ran to")
        Instant until) {

    /** One step of the path. */
    public record Step(
            String node,
            Instant at,
            @Schema(description = "ENTERED, ADVANCED, WAITING, WAITING_FOR, RESUMED, TIMED_OUT, EVENT_ARRIVED, "
                    + "CONDITION_MET, SPLIT, UPDATED, SEND_QUEUED, SEND_DEFERRED, SEND_DROPPED, WEBHOOK_CALLED, "
                    + "WEBHOOK_RESPONDED, WEBHOOK_FAILED, WEBHOOK_NOT_SIMULATED, COMPLETED, EXITED, FAILED")
            String outcome,
            @Schema(nullable = true)
            String detail) {
    }

    /** A message that would be sent. */
    public record Message(
            String node,
            String channel,
            @Schema(description = "The node's account; null: the account the contact is reachable by",
                    nullable = true)
            String account,
            @Schema(description = "When the send node ran")
            Instant dueAt,
            @Schema(description = "When it would go out: later than dueAt when quiet hours or caps defer it")
            Instant at,
            boolean deferred,
            @Schema(description = "The message rendered with the draft's templates", types = "object")
            Map<String, Object> message) {
    }

    /** A webhook call that would be made. */
    public record WebhookCall(String node, Instant at, String method, String url,
                              @Schema(description = "The rendered body", nullable = true) Object body,
                              @Schema(description = "e.g. 'status 200', 'not simulated: failed path'",
                                      nullable = true) String answer) {
    }

    /** How the preview ended. */
    public record Ended(
            @Schema(description = "COMPLETED, EXITED, FAILED, NOT_ENTERED or STOPPED")
            String status,
            @Schema(description = "e.g. exit-node, path-ended, goal, exit-when:wechat.unfollowed, "
                    + "webhook-not-simulated, preview-step-limit")
            String reason,
            Instant at) {
    }

    /** Where the preview still waits. */
    public record Waiting(String node, Instant since,
                          @Schema(description = "When its timer is due; null: it waits for an event only",
                                  nullable = true) Instant wakeAt) {
    }

    static PreviewResponse of(PreviewResult result) {
        return new PreviewResponse(
                result.path().stream().map(s -> new Step(s.node(), s.at(), s.outcome(), s.detail())).toList(),
                result.messages().stream().map(m -> new Message(m.node(), m.channel(), m.account(), m.dueAt(),
                        m.at(), m.deferred(), m.message())).toList(),
                result.webhookCalls().stream().map(c -> new WebhookCall(c.node(), c.at(), c.method(), c.url(),
                        c.body(), c.answer())).toList(),
                result.ended() == null ? null : new Ended(result.ended().status(), result.ended().reason(),
                        result.ended().at()),
                result.waiting() == null ? null : new Waiting(result.waiting().node(), result.waiting().since(),
                        result.waiting().wakeAt()),
                result.until());
    }
}
