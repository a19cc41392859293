package org.wayfarer.journey.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;

/**
 * Finds the contact an event's identity belongs to, creating it on first sight. A WeChat unionid is the same person
 * across a brand's accounts, so the contact that already carries the event's unionid wins, and the event's identity
 * joins it. Joins the caller's transaction (or runs its own). Idempotent: a re-run finds what the first run created.
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
     * The event's contact id, created on first sight.
     *
     * @throws IdentityTakenException when another node created the same contact concurrently; the caller's
     *                                transaction rolls back and the retry finds the contact that won
     */
    public long resolve(ContactEvent event) {
        return resolveAll(List.of(event)).get(0);
    }

    /**
     * The contact id of every event, in order, with one read of the identities the batch names and one multi-row
     * write of the contacts and identities it creates. Two events of one new person in one batch get one contact.
     *
     * @throws IdentityTakenException when another node created one of the contacts concurrently (see
     *                                {@link #resolve})
     */
    public List<Long> resolveAll(List<ContactEvent> events) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Map<Long, Map<Identity, Long>> owners = loadOwners(events);
            List<Contact> created = new ArrayList<>();
            List<ContactStore.NewIdentity> linked = new ArrayList<>();
            List<Long> resolved = new ArrayList<>(events.size());
            for (ContactEvent event : events) {
                Map<Identity, Long> known = owners.get(event.tenantId());
                Identity unionid = event.unionid() == null ? null : Identity.unionid(event.unionid());
                Optional<Long> byIdentity = Optional.ofNullable(known.get(event.identity()));
                Optional<Long> byUnionid = unionid == null ? Optional.empty() : Optional.ofNullable(known.get(unionid));
                long contactId = byUnionid.or(() -> byIdentity).orElseGet(() -> {
                    long id = ids.nextId();
                    created.add(new Contact(id, event.tenantId(), Map.of(), now, now, 0));
                    return id;
                });
                if (byIdentity.isEmpty()) {
                    linked.add(new ContactStore.NewIdentity(event.tenantId(), contactId, event.identity()));
                    known.put(event.identity(), contactId);
                }
                if (unionid != null && byUnionid.isEmpty()) {
                    linked.add(new ContactStore.NewIdentity(event.tenantId(), contactId, unionid));
                    known.put(unionid, contactId);
                }
                resolved.add(contactId);
            }
            if (!linked.isEmpty()) {
                contacts.insertAll(created, linked, now);
            }
            return resolved;
        });
    }

    /** Per tenant: who owns each identity (and unionid) the batch names. */
    private Map<Long, Map<Identity, Long>> loadOwners(List<ContactEvent> events) {
        Map<Long, Set<Identity>> wanted = new HashMap<>();
        for (ContactEvent event : events) {
            Set<Identity> ofTenant = wanted.computeIfAbsent(event.tenantId(), t -> new LinkedHashSet<>());
            ofTenant.add(event.identity());
            if (event.unionid() != null) {
                ofTenant.add(Identity.unionid(event.unionid()));
            }
        }
        Map<Long, Map<Identity, Long>> owners = new HashMap<>();
        wanted.forEach((tenantId, identities) ->
                owners.put(tenantId, new HashMap<>(contacts.owners(tenantId, identities))));
        return owners;
    }
}
