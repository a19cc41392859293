package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.contact.IdentityTakenException;
import org.wayfarer.journey.event.Identity;

/** {@link ContactStore} in memory; identities are unique per tenant, as in the table. */
public final class InMemoryContacts implements ContactStore {

    private final Map<Long, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<Long, List<Identity>> identities = new ConcurrentHashMap<>();

    public synchronized void clear() {
        contacts.clear();
        identities.clear();
    }

    @Override
    public Optional<Contact> find(long tenantId, long contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(c -> c.tenantId() == tenantId);
    }

    @Override
    public synchronized Optional<Contact> findByIdentity(long tenantId, Identity identity) {
        return contacts.values().stream()
                .filter(c -> c.tenantId() == tenantId && identities.get(c.id()).contains(identity)).findFirst();
    }

    @Override
    public synchronized Contact create(long tenantId, long contactId, Identity identity,
                                       Map<String, Object> attributes, Instant now) {
        if (findByIdentity(tenantId, identity).isPresent()) {
            throw new IdentityTakenException(identity.kind() + " already taken");
        }
        Contact contact = new Contact(contactId, tenantId, attributes, now, now, 0);
        contacts.put(contactId, contact);
        identities.put(contactId, new ArrayList<>(List.of(identity)));
        return contact;
    }

    @Override
    public synchronized void addIdentity(long tenantId, long contactId, Identity identity, Instant now) {
        List<Identity> known = identities.get(find(tenantId, contactId).orElseThrow().id());
        if (!known.contains(identity)) {
            known.add(identity);
        }
    }

    @Override
    public synchronized List<Identity> identities(long tenantId, long contactId) {
        return find(tenantId, contactId).map(c -> List.copyOf(identities.get(c.id()))).orElse(List.of());
    }

    @Override
    public synchronized void update(Contact contact) {
        throw new UnsupportedOperationException("the admin API never writes contacts");
    }
}
