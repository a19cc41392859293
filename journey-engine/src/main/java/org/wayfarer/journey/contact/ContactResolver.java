package org.wayfarer.journey.contact;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;

/**
 * Finds the contact an event's identity belongs to, creating it on first sight. Joins the caller's transaction (or
 * runs its own). Idempotent: a re-run finds what the first run created.
 */
public final class ContactResolver {

    private final ContactStore contacts;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ContactResolver(ContactStore contacts, Transactions transactions, IdGenerator ids, Clock clock) {
        this.contacts = Objects.requireNonNull(contacts);
        this.transactions = Objects.requireNonNull(transactions);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The event's contact, created on first sight.
     *
     * @throws IdentityTakenException when another node created the same contact concurrently; the caller's
     *                                transaction rolls back and the retry finds the contact that won
     */
    public Resolved resolve(ContactEvent event) {
        return transactions.inTransaction(() -> findOrCreate(event));
    }

    /** The contact, and whether this call created it (then nobody else can have changed it since). */
    public record Resolved(Contact contact, boolean created) {
    }

    private Resolved findOrCreate(ContactEvent event) {
        long tenantId = event.tenantId();
        Optional<Contact> byIdentity = contacts.findByIdentity(tenantId, event.identity());
        Optional<Contact> byUnionid = event.unionid() == null ? Optional.empty()
                : contacts.findByIdentity(tenantId, Identity.unionid(event.unionid()));
        // unionid is the same person across a brand's accounts: prefer the contact that already carries it
        Optional<Contact> existing = byUnionid.or(() -> byIdentity);
        Contact contact = existing.orElseGet(() -> contacts.create(tenantId, ids.nextId(), event.identity(), Map.of(),
                clock.instant()));
        if (byIdentity.isEmpty() && byUnionid.isPresent()) {
            contacts.addIdentity(tenantId, contact.id(), event.identity(), clock.instant());
        }
        if (event.unionid() != null && byUnionid.isEmpty()) {
            contacts.addIdentity(tenantId, contact.id(), Identity.unionid(event.unionid()), clock.instant());
        }
        return new Resolved(contact, existing.isEmpty());
    }
}
