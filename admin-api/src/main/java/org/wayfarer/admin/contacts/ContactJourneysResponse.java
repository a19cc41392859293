package org.wayfarer.admin.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.profile.ContactJourneys;
import org.wayfarer.journey.runtime.EntryDecision;

/** A contact's journey instances (newest first) and the published journeys that did not take it, with why. */
public record ContactJourneysResponse(List<InstanceResponse> instances, List<NotEnteredResponse> notEntered) {

    /** One instance; ids are strings (they exceed JSON's safe integers). */
    public record InstanceResponse(String instanceId, String journeyId, String journeyKey, String journeyName,
                                   int version,
                                   @Schema(description = "ACTIVE, WAITING, COMPLETED, EXITED or FAILED")
                                   String status,
                                   @Schema(description = "The node it is at, or ended at") String currentNode,
                                   Instant enteredAt, Instant updatedAt,
                                   @Schema(nullable = true) Instant wakeAt,
                                   @Schema(nullable = true) Instant endedAt,
                                   @Schema(nullable = true) String endReason) {
    }

    /**
     * A journey the contact is not in, or that did not take it again after its last instance.
     *
     * @param reason TRIGGER_FILTER_FALSE, ENTRY_KEY_NULL, ENTRY_POLICY, MIN_INTERVAL, PAUSED, STOPPED or
     *               NO_TRIGGER_EVENT
     */
    public record NotEnteredResponse(String journeyId, String journeyKey, String journeyName, String journeyStatus,
                                     String reason,
                                     @Schema(description = "The condition, policy or last entry that decided",
                                             nullable = true) String detail,
                                     @Schema(description = "The event that did not start an instance",
                                             nullable = true) String eventId,
                                     @Schema(nullable = true) String eventType,
                                     @Schema(description = "When it was decided", nullable = true) Instant at) {
    }

    static ContactJourneysResponse of(ContactJourneys.View view) {
        List<InstanceResponse> instances = view.instances().stream().map(e -> {
            StoredJourney journey = e.journey();
            var i = e.instance();
            return new InstanceResponse(Long.toString(i.instanceId()), Long.toString(journey.id()), journey.key(),
                    journey.name(), i.version(), i.status(), i.currentNode(), i.enteredAt(), i.updatedAt(),
                    i.wakeAt(), i.endedAt(), i.endReason());
        }).toList();
        List<NotEnteredResponse> notEntered = view.notEntered().stream().map(n -> {
            StoredJourney journey = n.journey();
            EntryDecision d = n.decision();
            return new NotEnteredResponse(Long.toString(journey.id()), journey.key(), journey.name(),
                    journey.status().name(), n.reason().name(), d == null ? null : d.detail(),
                    d == null ? null : Long.toString(d.eventId()), d == null ? null : d.eventType(),
                    d == null ? null : d.at());
        }).toList();
        return new ContactJourneysResponse(instances, notEntered);
    }
}
