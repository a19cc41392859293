package org.wayfarer.journey.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.event.Identity;

/** A contact's profile as the admin API shows it: attributes plus every identity it is known by. */
public record ContactView(long id, Map<String, Object> attributes, List<Identity> identities, Instant createdAt,
                          Instant updatedAt) {

    public ContactView {
        attributes = Map.copyOf(attributes);
        identities = List.copyOf(identities);
    }
}
