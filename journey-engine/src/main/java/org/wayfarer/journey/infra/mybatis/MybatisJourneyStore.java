package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;
import static org.wayfarer.journey.infra.mybatis.Columns.millis;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.Pause;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.catalog.StoredJourney;

/**
 * {@link JourneyStore} on the {@code journey} and {@code journey_version} tables. Thread-safe; joins the caller's
 * transaction. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisJourneyStore implements JourneyStore {

    private static final String KEY_CONSTRAINT = "uk_journey_key";
    /** Leaves out the versions of journeys that take no entries; a version without a journey row stays in. */
    private static final String TAKES_ENTRIES = "SELECT 1 FROM journey j WHERE j.id = journey_version.journey_id"
            + " AND j.status IN ('PAUSED', 'STOPPED', 'ARCHIVED')";

    private final JourneyMapper journeys;
    private final JourneyVersionMapper versions;
    private final Transactions transactions;

    public MybatisJourneyStore(JourneyMapper journeys, JourneyVersionMapper versions, Transactions transactions) {
        this.journeys = journeys;
        this.versions = versions;
        this.transactions = transactions;
    }

    @Override
    public Optional<StoredJourney> find(long tenantId, long journeyId) {
        return one(tenant(tenantId).eq(JourneyRow::getId, journeyId));
    }

    @Override
    public Optional<StoredJourney> findByKey(long tenantId, String key) {
        return one(tenant(tenantId).eq(JourneyRow::getJourneyKey, key));
    }

    @Override
    public List<StoredJourney> list(long tenantId) {
        return journeys.selectList(tenant(tenantId).orderByAsc(JourneyRow::getCreatedAt, JourneyRow::getId))
                .stream().map(MybatisJourneyStore::toJourney).toList();
    }

    @Override
    public void insert(StoredJourney journey) {
        try {
            journeys.insert(toRow(journey));
        } catch (DuplicateKeyException e) {
            if (Columns.violates(e, KEY_CONSTRAINT)) {
                throw new JourneyKeyTakenException(journey.key());
            }
            throw e;
        }
    }

    @Override
    public void update(StoredJourney journey) {
        if (journeys.updateIfVersion(toRow(journey)) == 0) {
            throw new StaleDataException("journey " + journey.id() + " of tenant " + journey.tenantId()
                    + " was changed or removed since version " + journey.version() + " was read");
        }
    }

    @Override
    public void publish(PublishedVersion version) {
        transactions.run(() -> {
            versions.insert(toRow(version));
            versions.retireOthers(version.tenantId(), version.journeyId(), version.version());
        });
    }

    @Override
    public Optional<PublishedVersion> version(long tenantId, long journeyId, int version) {
        JourneyVersionRow row = versions.selectOne(Wrappers.lambdaQuery(JourneyVersionRow.class)
                .eq(JourneyVersionRow::getTenantId, tenantId)
                .eq(JourneyVersionRow::getJourneyId, journeyId)
                .eq(JourneyVersionRow::getVersion, version));
        return Optional.ofNullable(row).map(MybatisJourneyStore::toVersion);
    }

    @Override
    public List<PublishedVersion> acceptingFor(long tenantId, String triggerEvent) {
        return versions.selectList(Wrappers.lambdaQuery(JourneyVersionRow.class)
                        .eq(JourneyVersionRow::getTenantId, tenantId)
                        .eq(JourneyVersionRow::getTriggerEvent, triggerEvent)
                        .eq(JourneyVersionRow::getAccepting, true)
                        .notExists(TAKES_ENTRIES)
                        .orderByAsc(JourneyVersionRow::getJourneyId))
                .stream().map(MybatisJourneyStore::toVersion).toList();
    }

    @Override
    public List<PublishedVersion> allAccepting() {
        return versions.selectList(Wrappers.lambdaQuery(JourneyVersionRow.class)
                        .eq(JourneyVersionRow::getAccepting, true)
                        .notExists(TAKES_ENTRIES)
                        .orderByAsc(JourneyVersionRow::getJourneyId))
                .stream().map(MybatisJourneyStore::toVersion).toList();
    }

    @Override
    public List<Pause> pauses() {
        return journeys.pauses().stream().map(row -> new Pause(row.getTenantId(), row.getId(),
                JourneyStatus.valueOf(row.getStatus()), instant(row.getPausedAt()), instant(row.getResumedAt())))
                .toList();
    }

    @Override
    public Optional<JourneyStatus> lockStatus(long tenantId, long journeyId) {
        return Optional.ofNullable(journeys.lockStatus(tenantId, journeyId)).map(JourneyStatus::valueOf);
    }

    private static LambdaQueryWrapper<JourneyRow> tenant(long tenantId) {
        return Wrappers.lambdaQuery(JourneyRow.class).eq(JourneyRow::getTenantId, tenantId);
    }

    private Optional<StoredJourney> one(LambdaQueryWrapper<JourneyRow> query) {
        return Optional.ofNullable(journeys.selectOne(query)).map(MybatisJourneyStore::toJourney);
    }

    private static JourneyRow toRow(StoredJourney journey) {
        JourneyRow row = new JourneyRow();
        row.setId(journey.id());
        row.setTenantId(journey.tenantId());
        row.setJourneyKey(journey.key());
        row.setName(journey.name());
        row.setDraftJson(journey.draftJson());
        row.setPublishedVersion(journey.publishedVersion());
        row.setCreatedAt(millis(journey.createdAt()));
        row.setUpdatedAt(millis(journey.updatedAt()));
        row.setVersion(journey.version());
        row.setStatus(journey.status().name());
        row.setPausedAt(millis(journey.pausedAt()));
        row.setResumedAt(millis(journey.resumedAt()));
        return row;
    }

    private static StoredJourney toJourney(JourneyRow row) {
        return new StoredJourney(row.getId(), row.getTenantId(), row.getJourneyKey(), row.getName(),
                row.getDraftJson(), row.getPublishedVersion(), instant(row.getCreatedAt()),
                instant(row.getUpdatedAt()), row.getVersion(), JourneyStatus.valueOf(row.getStatus()),
                instant(row.getPausedAt()), instant(row.getResumedAt()));
    }

    private static JourneyVersionRow toRow(PublishedVersion version) {
        JourneyVersionRow row = new JourneyVersionRow();
        row.setId(version.id());
        row.setTenantId(version.tenantId());
        row.setJourneyId(version.journeyId());
        row.setVersion(version.version());
        row.setTriggerEvent(version.triggerEvent());
        row.setDefinitionJson(version.definitionJson());
        row.setAccepting(version.accepting());
        row.setPublishedAt(millis(version.publishedAt()));
        return row;
    }

    private static PublishedVersion toVersion(JourneyVersionRow row) {
        return new PublishedVersion(row.getId(), row.getTenantId(), row.getJourneyId(), row.getVersion(),
                row.getTriggerEvent(), row.getDefinitionJson(), row.getAccepting(), instant(row.getPublishedAt()));
    }
}
