package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.contact.IdentityTakenException;
import org.wayfarer.journey.event.Identity;

/**
 * {@link ContactStore} in memory, for unit tests; the real adapters are covered by the store contracts. An identity
 * belongs to one contact per tenant, as in the table. Thread-safe.
 */
public final class InMemoryContactStore implements ContactStore {

    private final Map<Long, Contact> contacts = new LinkedHashMap<>();
    private final List<OwnedIdentity> identities = new ArrayList<>();
    private final Map<Long, Set<String>> tagIndex = new HashMap<>();

    /** Forgets every contact and identity. */
    public synchronized void clear() {
        contacts.clear();
        identities.clear();
        tagIndex.clear();
    }

    @Override
    public synchronized Optional<Contact> find(long tenantId, long contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(c -> c.tenantId() == tenantId);
    }

    @Override
    public synchronized Optional<Contact> findByIdentity(long tenantId, Identity identity) {
        return ownerOf(tenantId, identity).flatMap(id -> find(tenantId, id));
    }

    @Override
    public synchronized Contact create(long tenantId, long contactId, Identity identity,
                                       Map<String, Object> attributes, Instant now) {
        if (ownerOf(tenantId, identity).isPresent()) {
            throw taken(tenantId, identity);
        }
        if (contacts.containsKey(contactId)) {
            throw new IllegalStateException("contact id " + contactId + " already exists");
        }
        Contact contact = new Contact(contactId, tenantId, attributes == null ? Map.of() : attributes, now, now, 0);
        identities.add(new OwnedIdentity(tenantId, contactId, identity));
        contacts.put(contactId, contact);
        return contact;
    }

    @Override
    public synchronized void addIdentity(long tenantId, long contactId, Identity identity, Instant now) {
        Optional<Long> owner = ownerOf(tenantId, identity);
        if (owner.isEmpty()) {
            identities.add(new OwnedIdentity(tenantId, contactId, identity));
        } else if (owner.get() != contactId) {
            throw taken(tenantId, identity);
        }
    }

    @Override
    public synchronized List<Identity> identities(long tenantId, long contactId) {
        return identities.stream().filter(i -> i.tenantId() == tenantId && i.contactId() == contactId)
                .map(OwnedIdentity::identity).toList();
    }

    @Override
    public synchronized void update(Contact contact) {
        Contact current = contacts.get(contact.id());
        if (current == null || current.tenantId() != contact.tenantId() || current.version() != contact.version()) {
            throw new StaleDataException("contact " + contact.id() + " of tenant " + contact.tenantId()
                    + " was changed or removed since version " + contact.version() + " was read");
        }
        contacts.put(contact.id(), new Contact(current.id(), current.tenantId(), contact.attributes(),
                current.createdAt(), contact.updatedAt(), current.version() + 1, contact.tags()));
    }

    @Override
    public synchronized Map<Long, Contact> findAll(Collection<Long> contactIds) {
        Map<Long, Contact> found = new HashMap<>();
        contactIds.forEach(id -> {
            if (contacts.containsKey(id)) {
                found.put(id, contacts.get(id));
            }
        });
        return found;
    }

    @Override
    public synchronized Map<Long, List<Identity>> identitiesOf(Collection<Long> contactIds) {
        Map<Long, List<Identity>> found = new HashMap<>();
        for (OwnedIdentity owned : identities) {
            if (contactIds.contains(owned.contactId())) {
                found.computeIfAbsent(owned.contactId(), id -> new ArrayList<>()).add(owned.identity());
            }
        }
        return found;
    }

    @Override
    public synchronized Map<Identity, Long> owners(long tenantId, Collection<Identity> wanted) {
        Map<Identity, Long> found = new HashMap<>();
        wanted.forEach(identity -> ownerOf(tenantId, identity).ifPresent(owner -> found.put(identity, owner)));
        return found;
    }

    /** All or nothing, like the multi-row inserts in one transaction. */
    @Override
    public synchronized void insertAll(List<Contact> created, List<NewIdentity> added, Instant now) {
        for (NewIdentity identity : added) {
            if (ownerOf(identity.tenantId(), identity.identity()).isPresent()) {
                throw taken(identity.tenantId(), identity.identity());
            }
        }
        added.forEach(i -> identities.add(new OwnedIdentity(i.tenantId(), i.contactId(), i.identity())));
        created.forEach(c -> contacts.put(c.id(), c));
    }

    @Override
    public synchronized void updateAll(List<Contact> changed) {
        for (Contact contact : changed) {
            Contact current = contacts.get(contact.id());
            if (current == null || current.tenantId() != contact.tenantId()
                    || current.version() != contact.version()) {
                throw new StaleDataException("contact " + contact.id() + " changed since it was read");
            }
        }
        changed.forEach(this::update);
    }

    @Override
    public synchronized void retagAll(List<Retag> retags, Instant at) {
        for (Retag retag : retags) {
            Set<String> indexed = tagIndex.computeIfAbsent(retag.contactId(), id -> new TreeSet<>());
            indexed.removeAll(retag.removed());
            indexed.addAll(retag.added());
        }
    }

    @Override
    public synchronized List<Long> taggedWith(long tenantId, String tag, long afterId, int limit) {
        return tagIndex.entrySet().stream()
                .filter(e -> e.getKey() > afterId && e.getValue().contains(tag)
                        && contacts.containsKey(e.getKey()) && contacts.get(e.getKey()).tenantId() == tenantId)
                .map(Map.Entry::getKey).sorted().limit(limit).toList();
    }

    /** The tenant's contacts with ids above {@code afterId}, ascending (the in-memory segment evaluation's scan). */
    public synchronized List<Contact> ofTenant(long tenantId, long afterId) {
        return contacts.values().stream().filter(c -> c.tenantId() == tenantId && c.id() > afterId)
                .sorted(Comparator.comparingLong(Contact::id)).toList();
    }

    /** The tags the tag index holds for the contact (what segments query). */
    public synchronized Set<String> indexedTags(long contactId) {
        return Set.copyOf(tagIndex.getOrDefault(contactId, Set.of()));
    }

    private Optional<Long> ownerOf(long tenantId, Identity identity) {
        return identities.stream().filter(i -> i.tenantId() == tenantId && i.identity().equals(identity))
                .map(OwnedIdentity::contactId).findFirst();
    }

    /** Like the adapters, leaves the value out: identities can be phone numbers or e-mail addresses. */
    private static IdentityTakenException taken(long tenantId, Identity identity) {
        return new IdentityTakenException("a " + identity.kind() + " identity in namespace '" + identity.namespace()
                + "' with this value already belongs to a contact of tenant " + tenantId);
    }

    private record OwnedIdentity(long tenantId, long contactId, Identity identity) {
    }
}
