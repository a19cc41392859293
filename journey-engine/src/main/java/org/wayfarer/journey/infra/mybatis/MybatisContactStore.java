package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;
import static org.wayfarer.journey.infra.mybatis.Columns.millis;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.contact.IdentityTakenException;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link ContactStore} on the {@code contact} and {@code contact_identity} tables; attributes are JSON text.
 * Thread-safe; joins the caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisContactStore implements ContactStore {

    private static final String IDENTITY_CONSTRAINT = "uk_contact_identity";
    private static final int IDS_PER_STATEMENT = 500;
    private static final String INSERT_IDENTITY = """
            INSERT INTO contact_identity (id, tenant_id, contact_id, kind, namespace, id_value, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_CONTACT = """
            INSERT INTO contact (id, tenant_id, attributes_json, tags_json, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE_CONTACT = """
            UPDATE contact SET attributes_json = ?, tags_json = ?, updated_at = ?, version = version + 1
             WHERE id = ? AND tenant_id = ? AND version = ?
            """;

    /** The tag index; INSERT IGNORE (MySQL, and H2 in MySQL mode) keeps a repeated tag from failing the batch. */
    private static final String INSERT_TAG =
            "INSERT IGNORE INTO contact_tag (tenant_id, contact_id, tag, tagged_at) VALUES (?, ?, ?, ?)";
    private static final String DELETE_TAG = "DELETE FROM contact_tag WHERE contact_id = ? AND tag = ?";

    private final ContactMapper contacts;
    private final ContactIdentityMapper identities;
    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final JsonColumns json;

    public MybatisContactStore(ContactMapper contacts, ContactIdentityMapper identities, JdbcTemplate jdbc,
                               IdGenerator ids, ObjectMapper objectMapper) {
        this.contacts = contacts;
        this.identities = identities;
        this.jdbc = jdbc;
        this.ids = ids;
        this.json = new JsonColumns(objectMapper);
    }

    @Override
    public Optional<Contact> find(long tenantId, long contactId) {
        ContactRow row = contacts.selectOne(Wrappers.lambdaQuery(ContactRow.class)
                .eq(ContactRow::getTenantId, tenantId)
                .eq(ContactRow::getId, contactId));
        return Optional.ofNullable(row).map(this::toContact);
    }

    @Override
    public Optional<Contact> findByIdentity(long tenantId, Identity identity) {
        return Optional.ofNullable(contacts.selectByIdentity(tenantId, identity.kind().name(), identity.namespace(),
                identity.value())).map(this::toContact);
    }

    @Override
    public Contact create(long tenantId, long contactId, Identity identity, Map<String, Object> attributes,
                          Instant now) {
        Map<String, Object> attrs = attributes == null ? Map.of() : attributes;
        // The identity goes first: it is the unique guard, so a lost race writes nothing at all, even without an
        // outer transaction, and the caller's transaction stays usable for its retry.
        try {
            identities.insert(toRow(tenantId, contactId, identity, now));
        } catch (DuplicateKeyException e) {
            if (Columns.violates(e, IDENTITY_CONSTRAINT)) {
                throw taken(tenantId, identity);
            }
            throw e;
        }
        ContactRow row = new ContactRow();
        row.setId(contactId);
        row.setTenantId(tenantId);
        row.setAttributesJson(json.write(attrs));
        row.setCreatedAt(now.toEpochMilli());
        row.setUpdatedAt(now.toEpochMilli());
        row.setVersion(0);
        contacts.insert(row);
        return toContact(row);
    }

    @Override
    public void addIdentity(long tenantId, long contactId, Identity identity, Instant now) {
        Optional<Long> owner = ownerOf(tenantId, identity);
        if (owner.isEmpty()) {
            try {
                identities.insert(toRow(tenantId, contactId, identity, now));
                return;
            } catch (DuplicateKeyException e) {
                if (!Columns.violates(e, IDENTITY_CONSTRAINT)) {
                    throw e;
                }
                owner = ownerOf(tenantId, identity);
            }
        }
        if (owner.isEmpty() || owner.get() != contactId) {
            throw taken(tenantId, identity);
        }
    }

    @Override
    public List<Identity> identities(long tenantId, long contactId) {
        return identities.selectList(Wrappers.lambdaQuery(ContactIdentityRow.class)
                        .eq(ContactIdentityRow::getTenantId, tenantId)
                        .eq(ContactIdentityRow::getContactId, contactId)
                        .orderByAsc(ContactIdentityRow::getId))
                .stream().map(MybatisContactStore::toIdentity).toList();
    }

    @Override
    public void update(Contact contact) {
        ContactRow row = new ContactRow();
        row.setId(contact.id());
        row.setTenantId(contact.tenantId());
        row.setAttributesJson(json.write(contact.attributes()));
        row.setTagsJson(json.writeSetOrNull(contact.tags()));
        row.setUpdatedAt(millis(contact.updatedAt()));
        row.setVersion(contact.version());
        if (contacts.updateIfVersion(row) == 0) {
            throw new StaleDataException("contact " + contact.id() + " of tenant " + contact.tenantId()
                    + " was changed or removed since version " + contact.version() + " was read");
        }
    }

    /** As JDBC, like {@link #identitiesOf}: each processing batch reads both (MyBatis mapped them by reflection). */
    @Override
    public Map<Long, Contact> findAll(Collection<Long> contactIds) {
        Map<Long, Contact> found = new HashMap<>();
        if (!contactIds.isEmpty()) {
            Columns.inChunks(List.copyOf(contactIds), IDS_PER_STATEMENT, chunk -> jdbc.query(
                    "SELECT id, tenant_id, attributes_json, tags_json, created_at, updated_at, version FROM contact"
                            + " WHERE id IN ("
                            + Columns.placeholders(chunk.size()) + ")",
                    rs -> {
                        found.put(rs.getLong("id"), new Contact(rs.getLong("id"), rs.getLong("tenant_id"),
                                json.read(rs.getString("attributes_json")), instant(rs.getLong("created_at")),
                                instant(rs.getLong("updated_at")), rs.getInt("version"),
                                json.readSet(rs.getString("tags_json"))));
                    }, chunk.toArray()));
        }
        return found;
    }

    @Override
    public Map<Long, List<Identity>> identitiesOf(Collection<Long> contactIds) {
        Map<Long, List<Identity>> found = new HashMap<>();
        if (!contactIds.isEmpty()) {
            Columns.inChunks(List.copyOf(contactIds), IDS_PER_STATEMENT, chunk -> jdbc.query(
                    "SELECT contact_id, kind, namespace, id_value FROM contact_identity WHERE contact_id IN ("
                            + Columns.placeholders(chunk.size()) + ") ORDER BY id",
                    rs -> {
                        found.computeIfAbsent(rs.getLong("contact_id"), id -> new ArrayList<>()).add(new Identity(
                                IdentityKind.valueOf(rs.getString("kind")), rs.getString("namespace"),
                                rs.getString("id_value")));
                    }, chunk.toArray()));
        }
        return found;
    }

    @Override
    public Map<Identity, Long> owners(long tenantId, Collection<Identity> wanted) {
        Map<Identity, Long> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            List<ContactIdentityRow> probes = wanted.stream().map(i -> toRow(tenantId, 0, i, Instant.EPOCH)).toList();
            Columns.inChunks(probes, IDS_PER_STATEMENT, chunk -> {
                for (ContactIdentityRow row : identities.selectOwners(tenantId, chunk)) {
                    found.put(toIdentity(row), row.getContactId());
                }
            });
        }
        return found;
    }

    /** JDBC batches of one prepared statement each (docs/adr/0008). */
    @Override
    public void insertAll(List<Contact> created, List<NewIdentity> added, Instant now) {
        long at = now.toEpochMilli();
        try {
            JdbcBatch.run(jdbc, INSERT_IDENTITY, added, (p, i) -> p.add(ids.nextId()).add(i.tenantId())
                    .add(i.contactId()).add(i.identity().kind().name()).add(i.identity().namespace())
                    .add(i.identity().value()).add(at));
        } catch (DuplicateKeyException e) {
            if (Columns.violates(e, IDENTITY_CONSTRAINT)) {
                throw new IdentityTakenException("an identity of this batch already belongs to a contact");
            }
            throw e;
        }
        JdbcBatch.run(jdbc, INSERT_CONTACT, created, (p, c) -> p.add(c.id()).add(c.tenantId())
                .add(json.write(c.attributes())).add(json.writeSetOrNull(c.tags())).add(millis(c.createdAt()))
                .add(millis(c.updatedAt())).add(c.version()));
    }

    @Override
    public void retagAll(List<Retag> retags, Instant at) {
        record Row(long tenantId, long contactId, String tag) {
        }
        List<Row> added = new ArrayList<>();
        List<Row> removed = new ArrayList<>();
        for (Retag retag : retags) {
            retag.added().stream().sorted().forEach(t -> added.add(new Row(retag.tenantId(), retag.contactId(), t)));
            retag.removed().stream().sorted()
                    .forEach(t -> removed.add(new Row(retag.tenantId(), retag.contactId(), t)));
        }
        long millis = at.toEpochMilli();
        JdbcBatch.run(jdbc, DELETE_TAG, removed, (p, r) -> p.add(r.contactId()).add(r.tag()));
        JdbcBatch.run(jdbc, INSERT_TAG, added, (p, r) -> p.add(r.tenantId()).add(r.contactId()).add(r.tag())
                .add(millis));
    }

    /** One versioned UPDATE per contact, as a JDBC batch; any contact changed since it was read fails them all. */
    @Override
    public void updateAll(List<Contact> changed) {
        List<Contact> sorted = changed.stream().sorted(Comparator.comparingLong(Contact::id)).toList();
        boolean[] updated = JdbcBatch.update(jdbc, UPDATE_CONTACT, sorted, (p, c) -> p
                .add(json.write(c.attributes())).add(json.writeSetOrNull(c.tags())).add(millis(c.updatedAt()))
                .add(c.id()).add(c.tenantId()).add(c.version()));
        int stale = 0;
        for (boolean one : updated) {
            stale += one ? 0 : 1;
        }
        if (stale > 0) {
            throw new StaleDataException(stale + " of " + sorted.size()
                    + " contacts changed or vanished since they were read");
        }
    }

    @Override
    public List<Long> taggedWith(long tenantId, String tag, long afterId, int limit) {
        return jdbc.queryForList("SELECT contact_id FROM contact_tag WHERE tenant_id = ? AND tag = ? AND contact_id > ?"
                + " ORDER BY contact_id LIMIT " + Columns.positive(limit), Long.class, tenantId, tag, afterId);
    }

    private static Identity toIdentity(ContactIdentityRow row) {
        return new Identity(IdentityKind.valueOf(row.getKind()), row.getNamespace(), row.getIdValue());
    }

    private Optional<Long> ownerOf(long tenantId, Identity identity) {
        ContactIdentityRow row = identities.selectOne(Wrappers.lambdaQuery(ContactIdentityRow.class)
                .eq(ContactIdentityRow::getTenantId, tenantId)
                .eq(ContactIdentityRow::getKind, identity.kind().name())
                .eq(ContactIdentityRow::getNamespace, identity.namespace())
                .eq(ContactIdentityRow::getIdValue, identity.value()));
        return Optional.ofNullable(row).map(ContactIdentityRow::getContactId);
    }

    private ContactIdentityRow toRow(long tenantId, long contactId, Identity identity, Instant now) {
        ContactIdentityRow row = new ContactIdentityRow();
        row.setId(ids.nextId());
        row.setTenantId(tenantId);
        row.setContactId(contactId);
        row.setKind(identity.kind().name());
        row.setNamespace(identity.namespace());
        row.setIdValue(identity.value());
        row.setCreatedAt(now.toEpochMilli());
        return row;
    }

    private Contact toContact(ContactRow row) {
        return new Contact(row.getId(), row.getTenantId(), json.read(row.getAttributesJson()),
                instant(row.getCreatedAt()), instant(row.getUpdatedAt()), row.getVersion(),
                json.readSet(row.getTagsJson()));
    }

    /** The value is left out of the message: identities can be phone numbers or e-mail addresses. */
    private static IdentityTakenException taken(long tenantId, Identity identity) {
        return new IdentityTakenException("a " + identity.kind() + " identity in namespace '" + identity.namespace()
                + "' with this value already belongs to a contact of tenant " + tenantId);
    }
}
