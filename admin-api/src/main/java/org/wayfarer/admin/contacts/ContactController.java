package org.wayfarer.admin.contacts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.contact.ContactDirectory;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;

/** Contacts of the caller's tenant: lookup by identity, profile, timeline. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "Find contacts by identity; read profiles and timelines")
public class ContactController {

    static final int DEFAULT_TIMELINE_LIMIT = 50;
    static final int MAX_TIMELINE_LIMIT = 200;

    private final ContactDirectory directory;

    public ContactController(ContactDirectory directory) {
        this.directory = directory;
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
        Identity identity = identity(appId, openid, unionid, phone, email, externalUserId, corpId);
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

    private static Identity identity(String appId, String openid, String unionid, String phone, String email,
                                     String externalUserId, String corpId) {
        List<Identity> given = new ArrayList<>();
        try {
            if (present(openid)) {
                given.add(Identity.wechatOpenid(required(appId, "appId", "openid"), openid));
            } else if (present(appId)) {
                throw new InvalidRequestException("'appId' needs 'openid'.");
            }
            if (present(unionid)) {
                given.add(Identity.unionid(unionid));
            }
            if (present(phone)) {
                given.add(new Identity(IdentityKind.PHONE, "", phone));
            }
            if (present(email)) {
                given.add(new Identity(IdentityKind.EMAIL, "", email));
            }
            if (present(externalUserId)) {
                given.add(new Identity(IdentityKind.WECOM_EXTERNAL_USERID,
                        required(corpId, "corpId", "externalUserId"), externalUserId));
            } else if (present(corpId)) {
                throw new InvalidRequestException("'corpId' needs 'externalUserId'.");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The identity is not valid: " + e.getMessage() + ".");
        }
        if (given.size() != 1) {
            throw new InvalidRequestException("Give exactly one identity: appId+openid, unionid, phone, email or "
                    + "externalUserId+corpId.");
        }
        return given.get(0);
    }

    private static String required(String value, String name, String forName) {
        if (!present(value)) {
            throw new InvalidRequestException("'" + forName + "' needs '" + name + "'.");
        }
        return value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
