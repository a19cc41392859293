package org.wayfarer.channel.wechat.qrcode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage of scene QR codes (port; adapter in {@code infra/mybatis}). A scene belongs to at most one live code of an
 * account; the database's unique key decides races. Reads are tenant-scoped except {@link #findLive},
 * {@link #countPermanent} and {@link #dueForRenewal}, which work on an AppID (owned by one tenant) or for the
 * re-issue job across tenants. Thread-safe.
 */
public interface QrCodeStore {

    /** @return {@code false} (and stores nothing) when a live code of the account already has this scene */
    boolean insert(StoredQrCode code);

    Optional<StoredQrCode> find(long tenantId, long id);

    /** The live code of {@code scene} under the (lower-case) {@code appId}; scenes compare case-sensitively. */
    Optional<StoredQrCode> findLive(String appId, String scene);

    /**
     * The tenant's codes, live and retired, in id order (oldest first), after {@code afterId} when given.
     *
     * @param appId only this account's codes; {@code null} for all of the tenant's
     */
    List<StoredQrCode> list(long tenantId, String appId, Long afterId, int limit);

    /** Permanent codes ever created under the account, retired ones included: WeChat never frees one. */
    long countPermanent(String appId);

    /**
     * Live temporary codes whose {@code renewAt} is at or before {@code now}, ordered by (renewAt, id), after the
     * position ({@code afterRenewAt}, {@code afterId}) when given (keyset paging through one run).
     */
    List<StoredQrCode> dueForRenewal(Instant now, Instant afterRenewAt, Long afterId, int limit);

    /**
     * Replaces the current ticket of a live code with {@code next}, counts the re-issue, and keeps the replaced
     * ticket in the code's ticket history under {@code historyId}, in one transaction.
     *
     * @return {@code false} (and changes nothing) when the code was retired or re-issued since {@code current} was
     *         read
     */
    boolean renew(StoredQrCode current, Renewal next, long historyId);

    /**
     * Retires the tenant's code: no longer re-issued or counted, its scene free again. Retiring a retired code
     * changes nothing.
     *
     * @return the code as stored afterwards; empty when the tenant has no code with this id
     */
    Optional<StoredQrCode> retire(long tenantId, long id, Instant at);

    /**
     * Adds each tally's follows and scans to the live code of its scene, if there is one. Joins the caller's
     * transaction (the intake's); applies the tallies in the order given, which the caller keeps sorted by (appId,
     * scene) so concurrent writers lock rows in the same order.
     */
    void tally(Collection<SceneTally> tallies);
}
