package org.wayfarer.admin.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.profile.ContactView;

/** A contact's profile. */
public record ContactResponse(
        @Schema(description = "Contact id: a 64-bit integer sent as a string, so JavaScript keeps every digit")
        String id,
        Map<String, Object> attributes,
        List<IdentityResponse> identities,
        Instant createdAt,
        Instant updatedAt) {

    static ContactResponse of(ContactView view) {
        return new ContactResponse(Long.toString(view.id()), view.attributes(),
                view.identities().stream().map(IdentityResponse::of).toList(), view.createdAt(), view.updatedAt());
    }
}
