package org.wayfarer.admin.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;

/** One way a contact is known. */
public record IdentityResponse(
        IdentityKind kind,
        @Schema(description = "appId for openids, corpId for WeCom external user ids, empty for global identities")
        String namespace,
        String value) {

    static IdentityResponse of(Identity identity) {
        return new IdentityResponse(identity.kind(), identity.namespace(), identity.value());
    }
}
