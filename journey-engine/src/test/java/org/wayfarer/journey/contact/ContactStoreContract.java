package org.wayfarer.journey.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;

/** What every {@link ContactStore} adapter must do. Subclasses supply the store and its transactions. */
public abstract class ContactStoreContract {

    private final long tenant = nextId();
    private final Instant t0 = ContractFixtures.nextEra();
    private final Identity openid = Identity.wechatOpenid("wx-app", "o-" + nextId());

    protected abstract ContactStore store();

    protected abstract Transactions transactions();

    @Test
    void createdContactIsFoundByIdAndIdentity() {
        Map<String, Object> attributes = Map.of("name", "Li Lei", "visits", 3, "tags", List.of("vip", "store_12"),
                "address", Map.of("city", "Shanghai"));

        Contact created = store().create(tenant, nextId(), openid, attributes, t0);

        assertThat(created).isEqualTo(new Contact(created.id(), tenant, attributes, t0, t0, 0));
        assertThat(store().find(tenant, created.id())).contains(created);
        assertThat(store().findByIdentity(tenant, openid)).contains(created);
        assertThat(store().identities(tenant, created.id())).containsExactly(openid);
    }

    @Test
    void storesEmptyAttributes() {
        Contact created = store().create(tenant, nextId(), openid, Map.of(), t0);

        assertThat(store().find(tenant, created.id())).hasValueSatisfying(c -> assertThat(c.attributes()).isEmpty());
    }

    @Test
    void hidesContactsOfOtherTenants() {
        Contact created = store().create(tenant, nextId(), openid, Map.of(), t0);
        long otherTenant = nextId();

        assertThat(store().find(otherTenant, created.id())).isEmpty();
        assertThat(store().findByIdentity(otherTenant, openid)).isEmpty();
        assertThat(store().identities(otherTenant, created.id())).isEmpty();
    }

    @Test
    void sameIdentityMayBelongToContactsOfDifferentTenants() {
        store().create(tenant, nextId(), openid, Map.of(), t0);
        long otherTenant = nextId();

        Contact other = store().create(otherTenant, nextId(), openid, Map.of(), t0);

        assertThat(store().findByIdentity(otherTenant, openid)).contains(other);
    }

    @Test
    void createWithTakenIdentityThrowsAndWritesNothing() {
        Contact first = store().create(tenant, nextId(), openid, Map.of(), t0);
        long loserId = nextId();

        assertThatThrownBy(() -> store().create(tenant, loserId, openid, Map.of("name", "x"), t0))
                .isInstanceOf(IdentityTakenException.class)
                .hasMessageNotContaining(openid.value());

        assertThat(store().find(tenant, loserId)).isEmpty();
        assertThat(store().findByIdentity(tenant, openid)).contains(first);
    }

    @Test
    void takenIdentityLeavesCallersTransactionUsable() {
        Contact first = store().create(tenant, nextId(), openid, Map.of(), t0);
        long secondId = nextId();
        Identity unionid = Identity.unionid("u-" + nextId());

        transactions().run(() -> {
            assertThatThrownBy(() -> store().create(tenant, nextId(), openid, Map.of(), t0))
                    .isInstanceOf(IdentityTakenException.class);
            store().create(tenant, secondId, unionid, Map.of(), t0);
        });

        assertThat(store().findByIdentity(tenant, openid)).contains(first);
        assertThat(store().findByIdentity(tenant, unionid))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(secondId));
    }

    @Test
    void addIdentityIsIdempotentForTheSameContact() {
        Contact contact = store().create(tenant, nextId(), openid, Map.of(), t0);
        Identity unionid = Identity.unionid("u-" + nextId());
        Identity phone = new Identity(IdentityKind.PHONE, "", "+8613800000000");

        store().addIdentity(tenant, contact.id(), unionid, t0);
        store().addIdentity(tenant, contact.id(), unionid, t0);
        store().addIdentity(tenant, contact.id(), openid, t0);
        store().addIdentity(tenant, contact.id(), phone, t0);

        assertThat(store().identities(tenant, contact.id())).containsExactly(openid, unionid, phone);
        assertThat(store().findByIdentity(tenant, unionid)).contains(contact);
    }

    @Test
    void addIdentityOwnedByAnotherContactThrows() {
        store().create(tenant, nextId(), openid, Map.of(), t0);
        Contact other = store().create(tenant, nextId(), Identity.unionid("u-" + nextId()), Map.of(), t0);

        assertThatThrownBy(() -> store().addIdentity(tenant, other.id(), openid, t0))
                .isInstanceOf(IdentityTakenException.class);
        assertThat(store().identities(tenant, other.id())).doesNotContain(openid);
    }

    @Test
    void updateReplacesAttributesAndBumpsVersion() {
        Contact contact = store().create(tenant, nextId(), openid, Map.of("name", "Li Lei"), t0);
        Instant later = t0.plusSeconds(30);

        store().update(new Contact(contact.id(), tenant, Map.of("memberId", "M-9"), t0, later, contact.version()));

        assertThat(store().find(tenant, contact.id()))
                .contains(new Contact(contact.id(), tenant, Map.of("memberId", "M-9"), t0, later, 1));
    }

    @Test
    void updateWithStaleVersionThrowsNamingContactAndVersion() {
        Contact contact = store().create(tenant, nextId(), openid, Map.of(), t0);
        store().update(contact);

        assertThatThrownBy(() -> store().update(contact))
                .isInstanceOf(StaleDataException.class)
                .hasMessageContaining("contact " + contact.id())
                .hasMessageContaining("version 0");
    }

    @Test
    void updateOfAnotherTenantsContactThrowsStale() {
        Contact contact = store().create(tenant, nextId(), openid, Map.of("name", "Li Lei"), t0);

        assertThatThrownBy(() -> store().update(new Contact(contact.id(), nextId(), Map.of(), t0, t0, 0)))
                .isInstanceOf(StaleDataException.class);
        assertThat(store().find(tenant, contact.id())).contains(contact);
    }

    @Test
    void insertAllCreatesContactsWithTheirIdentitiesAndBulkReadsFindThem() {
        long a = nextId();
        long b = nextId();
        Identity unionid = Identity.unionid("u-" + nextId());
        Identity other = Identity.wechatOpenid("wx-app", "o-" + nextId());
        store().insertAll(List.of(new Contact(a, tenant, Map.of(), t0, t0, 0), new Contact(b, tenant, Map.of(), t0, t0, 0)),
                List.of(new ContactStore.NewIdentity(tenant, a, openid), new ContactStore.NewIdentity(tenant, a, unionid),
                        new ContactStore.NewIdentity(tenant, b, other)), t0);

        assertThat(store().findAll(List.of(a, b, nextId()))).containsOnlyKeys(a, b);
        assertThat(store().identitiesOf(List.of(a, b))).containsEntry(a, List.of(openid, unionid))
                .containsEntry(b, List.of(other));
        assertThat(store().owners(tenant, List.of(openid, unionid, other, Identity.unionid("nobody"))))
                .containsOnly(Map.entry(openid, a), Map.entry(unionid, a), Map.entry(other, b));
        assertThat(store().owners(nextId(), List.of(openid))).as("another tenant's").isEmpty();
    }

    @Test
    void insertAllWithATakenIdentityWritesNothing() {
        Contact existing = store().create(tenant, nextId(), openid, Map.of(), t0);
        long fresh = nextId();

        assertThatThrownBy(() -> transactions().run(() -> store().insertAll(
                List.of(new Contact(fresh, tenant, Map.of(), t0, t0, 0)),
                List.of(new ContactStore.NewIdentity(tenant, fresh, openid)), t0)))
                .isInstanceOf(IdentityTakenException.class);
        assertThat(store().find(tenant, fresh)).isEmpty();
        assertThat(store().findByIdentity(tenant, openid)).contains(existing);
    }

    @Test
    void updateAllWritesEveryContactOrFailsStale() {
        Contact a = store().create(tenant, nextId(), openid, Map.of("n", 1), t0);
        Contact b = store().create(tenant, nextId(), Identity.wechatOpenid("wx-app", "o-" + nextId()), Map.of(), t0);

        store().updateAll(List.of(new Contact(b.id(), tenant, Map.of("n", 2), t0, t0.plusSeconds(1), 0),
                new Contact(a.id(), tenant, Map.of("n", 3), t0, t0.plusSeconds(1), 0)));

        assertThat(store().find(tenant, a.id())).hasValueSatisfying(c -> {
            assertThat(c.attributes()).containsEntry("n", 3);
            assertThat(c.version()).isEqualTo(1);
        });
        assertThat(store().find(tenant, b.id())).hasValueSatisfying(c -> assertThat(c.version()).isEqualTo(1));
        assertThatThrownBy(() -> store().updateAll(List.of(new Contact(a.id(), tenant, Map.of(), t0, t0, 0))))
                .isInstanceOf(StaleDataException.class);
    }

    @Test
    void tagsTravelWithTheContactThroughEveryReadAndWrite() {
        Contact a = store().create(tenant, nextId(), openid, Map.of(), t0);
        long b = nextId();
        store().insertAll(List.of(new Contact(b, tenant, Map.of(), t0, t0, 0, Set.of("vip", "新客"))),
                List.of(new ContactStore.NewIdentity(tenant, b, Identity.wechatOpenid("wx-app", "o-" + nextId()))), t0);

        store().update(a.changed(Map.of(), Set.of("store_7"), t0.plusSeconds(1)));
        store().updateAll(List.of(store().find(tenant, b).orElseThrow().changed(Map.of(), Set.of("vip"),
                t0.plusSeconds(2))));

        assertThat(store().find(tenant, a.id()).orElseThrow().tags()).containsExactly("store_7");
        assertThat(store().findAll(List.of(a.id(), b))).extractingByKey(b).extracting(Contact::tags)
                .isEqualTo(Set.of("vip"));
        assertThat(store().findByIdentity(tenant, openid).orElseThrow().tags()).containsExactly("store_7");
    }

    @Test
    void theTagIndexListsTaggedContactsInPagesAndFollowsRetags() {
        long a = store().create(tenant, nextId(), openid, Map.of(), t0).id();
        long b = store().create(tenant, nextId(), Identity.wechatOpenid("wx-app", "o-" + nextId()), Map.of(), t0).id();
        long c = store().create(tenant, nextId(), Identity.wechatOpenid("wx-app", "o-" + nextId()), Map.of(), t0).id();

        store().retagAll(List.of(new ContactStore.Retag(tenant, a, Set.of("vip", "高价值"), Set.of()),
                new ContactStore.Retag(tenant, b, Set.of("vip"), Set.of()),
                new ContactStore.Retag(tenant, c, Set.of("vip"), Set.of())), t0);
        store().retagAll(List.of(new ContactStore.Retag(tenant, b, Set.of("vip"), Set.of()),
                new ContactStore.Retag(tenant, c, Set.of(), Set.of("vip", "never-had"))), t0.plusSeconds(1));

        assertThat(store().taggedWith(tenant, "vip", 0, 10)).containsExactly(a, b);
        assertThat(store().taggedWith(tenant, "vip", a, 10)).containsExactly(b);
        assertThat(store().taggedWith(tenant, "vip", 0, 1)).containsExactly(a);
        assertThat(store().taggedWith(tenant, "高价值", 0, 10)).containsExactly(a);
        assertThat(store().taggedWith(nextId(), "vip", 0, 10)).isEmpty();
    }
}
