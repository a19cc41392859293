package org.wayfarer.admin.contacts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.profile.ContactDirectory;
import org.wayfarer.journey.profile.ContactJourneys;

/** Contacts of the caller's tenant: lookup by identity, profile, timeline, journeys. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "Find contacts by identity; read profiles and timelines")
public class ContactController {

    static final int DEFAULT_TIMELINE_LIMIT = 50;
    static final int MAX_TIMELINE_LIMIT = 200;

    private final ContactDirectory directory;
    private final ContactJourneys journeys;

    public ContactController(ContactDirectory directory, ContactJourneys journeys) {
        this.directory = directory;
        this.journeys = journeys;
    }

    @GetMapping
    @Operation(summary = "Find contacts by one identity",
            description = "Give exactly one of: appId+openid, unionid, phone, email, externalUserId+corpId. "
                    + "Answers a list with zero or one contact.")
    public List<ContactResponse> find(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
            @Parameter(description = "official account appId (with openid)") @RequestParam(required = false)
            String appId,
            @RequestParam(required = false) String openid,
            @RequestParam(required = false) String unionid,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @Parameter(description = "WeCom external user id (with corpId)") @RequestParam(required = false)
            String externalUserId,
            @RequestParam(required = false) String corpId) {
        Identity identity = new IdentityRequest(appId, openid, unionid, phone, email, externalUserId, corpId).toIdentity();
        return directory.findByIdentity(caller.tenantId(), identity).stream().map(ContactResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a contact's profile")
    public ContactResponse get(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                               @PathVariable long id) {
        return ContactResponse.of(directory.get(caller.tenantId(), id));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "A contact's events, journey steps and messages, newest first")
    public List<TimelineEntryResponse> timeline(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @Parameter(description = "at most this many entries, 1 to " + MAX_TIMELINE_LIMIT)
            @RequestParam(defaultValue = "" + DEFAULT_TIMELINE_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_TIMELINE_LIMIT) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_TIMELINE_LIMIT + ".");
        }
        return directory.timeline(caller.tenantId(), id, limit).stream().map(TimelineEntryResponse::of).toList();
    }

    @GetMapping("/{id}/journeys")
    @Operation(summary = "A contact's journey instances with where each stands, and why it is not in the others",
            description = "Instances newest first (at most " + ContactJourneys.MAX_INSTANCES + "); notEntered "
                    + "lists each published journey without an instance of the contact, or whose latest entry "
                    + "decision came after its last instance, with the reason.")
    public ContactJourneysResponse journeys(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                            @PathVariable long id) {
        return ContactJourneysResponse.of(journeys.of(caller.tenantId(), id));
    }
}
