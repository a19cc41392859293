package org.wayfarer.journey.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * Replaces attributes, tags and updated-at where the stored row still has {@code contact.version()}; stores
     * version + 1. The tag index ({@link #retagAll}) is the caller's to keep in step.
     *
     * @throws org.wayfarer.journey.StaleDataException when the row changed meanwhile
     */
    void update(Contact contact);

    /** A contact's identity about to be stored (a first-time contact's, or one more for a known contact). */
    record NewIdentity(long tenantId, long contactId, Identity identity) {
    }

    /** The contacts with these ids, by id (any tenant: ids are unique; callers check the tenant). */
    Map<Long, Contact> findAll(Collection<Long> contactIds);

    /** Every identity of these contacts, by contact id, oldest first; contacts without identities are absent. */
    Map<Long, List<Identity>> identitiesOf(Collection<Long> contactIds);

    /** Which of the tenant's contacts own these identities; identities nobody owns are absent. */
    Map<Identity, Long> owners(long tenantId, Collection<Identity> identities);

    /**
     * Inserts new contacts (version 0) and new identities, with multi-row statements; the identities go first, so a
     * batch that lost a race to another node fails on an identity's unique key before writing any contact.
     *
     * @throws IdentityTakenException when any identity already belongs to a contact
     */
    void insertAll(List<Contact> contacts, List<NewIdentity> identities, Instant now);

    /** Tags one contact gained and lost in one change, for the tag index that segments query. */
    record Retag(long tenantId, long contactId, Set<String> added, Set<String> removed) {

        public Retag {
            added = Set.copyOf(added);
            removed = Set.copyOf(removed);
        }
    }

    /**
     * Applies tag changes to the tag index (one row per contact and tag, queried by segments), with JDBC batches.
     * Adding a tag the index already has, or removing one it has not, changes nothing.
     */
    void retagAll(List<Retag> retags, Instant at);

    /** Ids of the tenant's contacts the tag index has under {@code tag}, above {@code afterId}, ascending (paging). */
    List<Long> taggedWith(long tenantId, String tag, long afterId, int limit);

    /**
     * {@link #update} for many contacts in one statement per chunk.
     *
     * @throws org.wayfarer.journey.StaleDataException when any of them changed meanwhile (nothing is then kept once
     *                                                 the caller's transaction rolls back)
     */
    void updateAll(List<Contact> contacts);
}
