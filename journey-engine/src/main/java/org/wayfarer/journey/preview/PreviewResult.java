package org.wayfarer.journey.preview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a preview found: the path the hypothetical contact took (the step log it would have), the messages that would
 * be sent, the webhook calls that would be made, and how it ended, or where it still waits at {@code until}.
 * Exactly one of {@code ended} and {@code waiting} is set.
 *
 * @param until the end of virtual time the preview ran to
 */
public record PreviewResult(List<Step> path, List<Message> messages, List<WebhookCall> webhookCalls, Ended ended,
                            Waiting waiting, Instant until) {

    public PreviewResult {
        path = List.copyOf(path);
        messages = List.copyOf(messages);
        webhookCalls = List.copyOf(webhookCalls);
        if ((ended == null) == (waiting == null)) {
            throw new IllegalArgumentException("a preview either ended or still waits");
        }
    }

    /**
     * One step, as the step log records it: {@code ENTERED}, {@code ADVANCED}, {@code WAITING}, {@code WAITING_FOR},
     * {@code RESUMED}, {@code TIMED_OUT}, {@code EVENT_ARRIVED}, {@code CONDITION_MET}, {@code SPLIT},
     * {@code UPDATED}, {@code SEND_QUEUED}, {@code SEND_DEFERRED}, {@code SEND_DROPPED}, {@code WEBHOOK_CALLED},
     * {@code WEBHOOK_RESPONDED}, {@code WEBHOOK_FAILED}, {@code COMPLETED}, {@code EXITED}, {@code FAILED}; and the
     * preview's own {@code WEBHOOK_NOT_SIMULATED}.
     *
     * @param detail nullable
     */
    public record Step(String node, Instant at, String outcome, String detail) {
    }

    /**
     * A message that would be sent, rendered with the draft's templates.
     *
     * @param account the node's account, null when it names none (the contact's reachable account)
     * @param dueAt   when the send node ran
     * @param at      when it would go out: {@code dueAt}, or later when quiet hours or caps defer it
     */
    public record Message(String node, String channel, String account, Instant dueAt, Instant at,
                          Map<String, Object> message) {

        public boolean deferred() {
            return at.isAfter(dueAt);
        }
    }

    /** A webhook call that would be made (without its headers and secret), and the answer it was given. */
    public record WebhookCall(String node, Instant at, String method, String url, Object body, String answer) {
    }

    /**
     * How the preview ended: {@code status} {@code COMPLETED}, {@code EXITED} or {@code FAILED} with the instance's
     * end reason, {@code NOT_ENTERED} (no event satisfied the trigger) or {@code STOPPED} (the preview could not go
     * on: {@value JourneyPreview#WEBHOOK_NOT_SIMULATED}, {@value JourneyPreview#STEP_LIMIT}).
     */
    public record Ended(String status, String reason, Instant at) {
    }

    /**
     * Still live at {@code until}: parked at {@code node} since {@code since}, until {@code wakeAt} (null: an event,
     * no timer).
     */
    public record Waiting(String node, Instant since, Instant wakeAt) {
    }
}
