package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.Identity;

/**
 * A {@link ContactStore} that throws on the batch read of one contact, so tests can poison a batch the way a bug, bad
 * data or an {@link Error} from an expression would. Everything else goes to the wrapped store.
 */
final class PoisonableContactStore implements ContactStore {

    private final ContactStore delegate;
    private volatile Long poisoned;
    private volatile Function<Long, Throwable> poison;

    PoisonableContactStore(ContactStore delegate) {
        this.delegate = delegate;
    }

    void poison(Long contactId, Function<Long, Throwable> poison) {
        this.poisoned = poison == null ? null : contactId;
        this.poison = poison;
    }

    @Override
    public Map<Long, Contact> findAll(Collection<Long> contactIds) {
        Long target = poisoned;
        if (target != null && contactIds.contains(target)) {
            Throwable t = poison.apply(target);
            if (t instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) t;
        }
        return delegate.findAll(contactIds);
    }

    @Override
    public Optional<Contact> find(long tenantId, long contactId) {
        return delegate.find(tenantId, contactId);
    }

    @Override
    public Optional<Contact> findByIdentity(long tenantId, Identity identity) {
        return delegate.findByIdentity(tenantId, identity);
    }

    @Override
    public Contact create(long tenantId, long contactId, Identity identity, Map<String, Object> attributes,
                          Instant now) {
        return delegate.create(tenantId, contactId, identity, attributes, now);
    }

    @Override
    public void addIdentity(long tenantId, long contactId, Identity identity, Instant now) {
        delegate.addIdentity(tenantId, contactId, identity, now);
    }

    @Override
    public List<Identity> identities(long tenantId, long contactId) {
        return delegate.identities(tenantId, contactId);
    }

    @Override
    public void update(Contact contact) {
        delegate.update(contact);
    }

    @Override
    public Map<Long, List<Identity>> identitiesOf(Collection<Long> contactIds) {
        return delegate.identitiesOf(contactIds);
    }

    @Override
    public Map<Identity, Long> owners(long tenantId, Collection<Identity> identities) {
        return delegate.owners(tenantId, identities);
    }

    @Override
    public void insertAll(List<Contact> contacts, List<NewIdentity> identities, Instant now) {
        delegate.insertAll(contacts, identities, now);
    }

    @Override
    public void retagAll(List<Retag> retags, Instant at) {
        delegate.retagAll(retags, at);
    }

    @Override
    public List<Long> taggedWith(long tenantId, String tag, long afterId, int limit) {
        return delegate.taggedWith(tenantId, tag, afterId, limit);
    }

    @Override
    public void updateAll(List<Contact> contacts) {
        delegate.updateAll(contacts);
    }
}
