package org.wayfarer.journey.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wayfarer.journey.event.Identity;

/** Contacts and their identities (port). Tenant-scoped; joins the caller's transaction. */
public interface ContactStore {

    Optional<Contact> find(long tenantId, long contactId);

    Optional<Contact> findByIdentity(long tenantId, Identity identity);

    /** Inserts a contact with one identity. Throws {@link IdentityTakenException} if the identity already exists. */
    Contact create(long tenantId, long contactId, Identity identity, Map<String, Object> attributes, Instant now);

    /** Adds an identity to a contact; does nothing when the contact already has it. */
    void addIdentity(long tenantId, long contactId, Identity identity, Instant now);

    List<Identity> identities(long tenantId, long contactId);

    /**
     * Replaces attributes and updated-at where the stored row still has {@code contact.version()}; stores version + 1.
     *
     * @throws org.wayfarer.journey.StaleDataException when the row changed meanwhile
     */
    void update(Contact contact);
}
