package org.wayfarer.channel.wechat.infra.mybatis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfarer.channel.wechat.qrcode.QrCodeStore;
import org.wayfarer.channel.wechat.qrcode.Renewal;
import org.wayfarer.channel.wechat.qrcode.SceneTally;
import org.wayfarer.channel.wechat.qrcode.StoredQrCode;

/**
 * {@link QrCodeStore} on MyBatis-Plus. The unique key (app_id, live_scene) decides races between two creates of one
 * scene; a re-issue is an optimistic update on {@code reissues} plus the history row, in one transaction. The tally
 * runs on the intake's hot path: its updates go as one JDBC batch of one prepared statement (one round trip however
 * many scenes a write has), on the connection of the intake's transaction, which JdbcTemplate and MyBatis share.
 */
class MybatisQrCodeStore implements QrCodeStore {

    /** One row of the unique key (app_id, live_scene), if the scene has a live code; the tenant must match too. */
    private static final String TALLY = "UPDATE wechat_qrcode SET follows = follows + ?, scans = scans + ?"
            + " WHERE app_id = ? AND live_scene = ? AND tenant_id = ?";
    private static final int TALLY_BATCH = 500;

    private final WeChatQrCodeMapper mapper;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    MybatisQrCodeStore(WeChatQrCodeMapper mapper, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * The tallies whose scene has a live code, found with one indexed read per account of the write: most follows
     * and scans of a busy account come through scenes Wayfarer made no code for (or none at all), and an update
     * per scene on the intake's single writer would slow every callback for nothing.
     */
    private List<SceneTally> live(Collection<SceneTally> tallies) {
        Map<List<Object>, List<SceneTally>> byAccount = new LinkedHashMap<>();
        for (SceneTally tally : tallies) {
            byAccount.computeIfAbsent(List.of(tally.tenantId(), tally.appId()), k -> new ArrayList<>()).add(tally);
        }
        List<SceneTally> live = new ArrayList<>();
        for (List<SceneTally> account : byAccount.values()) {
            for (int from = 0; from < account.size(); from += TALLY_BATCH) {
                List<SceneTally> page = account.subList(from, Math.min(account.size(), from + TALLY_BATCH));
                String marks = String.join(", ", Collections.nCopies(page.size(), "?"));
                List<Object> args = new ArrayList<>(List.of(page.get(0).appId(), page.get(0).tenantId()));
                page.forEach(tally -> args.add(tally.scene()));
                Set<String> scenes = new HashSet<>(jdbc.queryForList("SELECT live_scene FROM wechat_qrcode"
                        + " WHERE app_id = ? AND tenant_id = ? AND live_scene IN (" + marks + ")", String.class,
                        args.toArray()));
                page.stream().filter(tally -> scenes.contains(tally.scene())).forEach(live::add);
            }
        }
        return live;
    }

    @Override
    public boolean insert(StoredQrCode code) {
        try {
            mapper.insert(toRow(code));
            return true;
        } catch (DuplicateKeyException e) {
            if (findLive(code.appId(), code.scene()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredQrCode> find(long tenantId, long id) {
        return Optional.ofNullable(mapper.find(tenantId, id)).map(MybatisQrCodeStore::fromRow);
    }

    @Override
    public Optional<StoredQrCode> findLive(String appId, String scene) {
        return Optional.ofNullable(mapper.findLive(appId, scene)).map(MybatisQrCodeStore::fromRow);
    }

    @Override
    public List<StoredQrCode> list(long tenantId, String appId, Long afterId, int limit) {
        return mapper.list(tenantId, appId, afterId, limit).stream().map(MybatisQrCodeStore::fromRow).toList();
    }

    @Override
    public long countPermanent(String appId) {
        return mapper.countPermanent(appId);
    }

    @Override
    public List<StoredQrCode> dueForRenewal(Instant now, Instant afterRenewAt, Long afterId, int limit) {
        return mapper.dueForRenewal(now.toEpochMilli(), afterRenewAt == null ? null : afterRenewAt.toEpochMilli(),
                afterRenewAt == null ? null : afterId, limit).stream().map(MybatisQrCodeStore::fromRow).toList();
    }

    @Override
    public boolean renew(StoredQrCode current, Renewal next, long historyId) {
        Boolean renewed = transactions.execute(status -> {
            int updated = mapper.renew(current.id(), current.reissues(), next.ticket(), next.url(), next.imageUrl(),
                    next.issuedAt().toEpochMilli(), next.expiresAt().toEpochMilli(), next.renewAt().toEpochMilli());
            if (updated == 0) {
                return false;
            }
            mapper.insertReplacedTicket(historyId, current.tenantId(), current.id(), current.ticket(), current.url(),
                    current.issuedAt().toEpochMilli(), current.expiresAt().toEpochMilli(),
                    next.issuedAt().toEpochMilli());
            return true;
        });
        return Boolean.TRUE.equals(renewed);
    }

    @Override
    public Optional<StoredQrCode> retire(long tenantId, long id, Instant at) {
        mapper.retire(tenantId, id, at.toEpochMilli());
        return find(tenantId, id);
    }

    @Override
    public void tally(Collection<SceneTally> tallies) {
        List<SceneTally> live = live(tallies);
        if (live.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(TALLY, live, TALLY_BATCH, (ps, tally) -> {
            ps.setLong(1, tally.follows());
            ps.setLong(2, tally.scans());
            ps.setString(3, tally.appId());
            ps.setString(4, tally.scene());
            ps.setLong(5, tally.tenantId());
        });
    }

    private static WeChatQrCodeRow toRow(StoredQrCode code) {
        WeChatQrCodeRow row = new WeChatQrCodeRow();
        row.setId(code.id());
        row.setTenantId(code.tenantId());
        row.setAppId(code.appId());
        row.setScene(code.scene());
        row.setLiveScene(code.live() ? code.scene() : null);
        row.setIsTemporary(code.temporary());
        row.setExpiresIn(code.expiresIn());
        row.setTicket(code.ticket());
        row.setUrl(code.url());
        row.setImageUrl(code.imageUrl());
        row.setIssuedAt(code.issuedAt().toEpochMilli());
        row.setExpiresAt(millis(code.expiresAt()));
        row.setRenewAt(millis(code.renewAt()));
        row.setJourneyId(code.journeyId());
        row.setFollows(code.follows());
        row.setScans(code.scans());
        row.setReissues(code.reissues());
        row.setCreatedAt(code.createdAt().toEpochMilli());
        row.setUpdatedAt(code.updatedAt().toEpochMilli());
        row.setRetiredAt(millis(code.retiredAt()));
        return row;
    }

    private static StoredQrCode fromRow(WeChatQrCodeRow row) {
        return new StoredQrCode(row.getId(), row.getTenantId(), row.getAppId(), row.getScene(),
                Boolean.TRUE.equals(row.getIsTemporary()), row.getExpiresIn(), row.getTicket(), row.getUrl(),
                row.getImageUrl(), Instant.ofEpochMilli(row.getIssuedAt()), instant(row.getExpiresAt()),
                instant(row.getRenewAt()), row.getJourneyId(), row.getFollows(), row.getScans(), row.getReissues(),
                Instant.ofEpochMilli(row.getCreatedAt()), Instant.ofEpochMilli(row.getUpdatedAt()),
                instant(row.getRetiredAt()));
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
