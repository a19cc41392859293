package org.wayfarer.channel.wechat.qrcode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.AppIds;
import org.wayfarer.channel.wechat.account.MpAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.IdGenerator;

/**
 * Scene QR codes of a tenant's official accounts (the admin API's entry point): create one through WeChat, list
 * them with the follows and scans each brought, read and retire one.
 *
 * <p>Creating checks everything it can before calling WeChat (fields, that the tenant connected the account and owns
 * the journey, the permanent-code limit, that the scene is free), so a refused request never costs a WeChat code;
 * only a ticket WeChat issued is stored. Two requests for one scene at the same moment can both reach WeChat; the
 * database's unique key then lets one store its code and refuses the other. Thread-safe.
 */
public class QrCodes {

    /** Most codes on one page. */
    public static final int MAX_PAGE = 200;

    private final QrCodeStore store;
    private final AccountStore accounts;
    private final WxMpServices services;
    private final QrCodeJourneys journeys;
    private final IdGenerator ids;
    private final Clock clock;
    private final QrCodeProperties properties;
    private final QrCodeTickets tickets = new QrCodeTickets();

    public QrCodes(QrCodeStore store, AccountStore accounts, WxMpServices services, QrCodeJourneys journeys,
                   IdGenerator ids, Clock clock, QrCodeProperties properties) {
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.services = Objects.requireNonNull(services, "services");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * Creates a code: a ticket from WeChat, then the stored code.
     *
     * @throws InvalidQrCodeException         malformed fields, or an account or journey the tenant does not have
     * @throws PermanentQrCodeLimitException  a permanent code for an account that holds the most allowed
     * @throws SceneTakenException            a live code of the account already has the scene
     * @throws WeChatQrCodeException          WeChat did not issue a ticket (nothing stored)
     */
    public QrCode create(long tenantId, CreateQrCode command) {
        List<QrCodeProblem> problems = QrCodeRules.check(command);
        if (!problems.isEmpty()) {
            throw new InvalidQrCodeException(problems, false);
        }
        String appId = AppIds.normalize(command.appId());
        boolean temporary = command.temporary();
        MpAccount account = resolve(tenantId, appId, command.journeyId());
        if (!temporary && store.countPermanent(appId) >= properties.maxPermanentPerAccount()) {
            throw new PermanentQrCodeLimitException(properties.maxPermanentPerAccount());
        }
        store.findLive(appId, command.scene()).ifPresent(existing -> {
            throw new SceneTakenException(existing.id());
        });
        Integer expiresIn = temporary
                ? (command.expiresIn() == null ? QrCodeRules.MAX_EXPIRES_IN : command.expiresIn()) : null;
        QrCodeTickets.Issued issued = tickets.issue(account, command.scene(), temporary,
                expiresIn == null ? 0 : expiresIn);
        Instant now = Instant.ofEpochMilli(clock.millis());
        Instant expiresAt = null;
        Instant renewAt = null;
        if (temporary) {
            int lifetime = issued.expireSeconds() > 0 ? issued.expireSeconds() : expiresIn;
            expiresAt = now.plusSeconds(lifetime);
            renewAt = properties.renewAt(expiresAt, lifetime);
        }
        StoredQrCode code = new StoredQrCode(ids.nextId(), tenantId, appId, command.scene(), temporary, expiresIn,
                issued.ticket(), issued.url(), issued.imageUrl(), now, expiresAt, renewAt, command.journeyId(), 0, 0,
                0, now, now, null);
        if (!store.insert(code)) {
            throw new SceneTakenException(0);
        }
        return code.view();
    }

    /**
     * The tenant's codes, live and retired, oldest first.
     *
     * @param appId  only this account's codes (any case); {@code null} for all; an account the tenant did not
     *               connect has none
     * @param cursor the previous page's {@code nextCursor}, or {@code null} for the first page
     * @param limit  1..{@value #MAX_PAGE}
     * @throws IllegalArgumentException for a malformed appId or a limit out of range
     */
    public QrCodePage list(long tenantId, String appId, Long cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE);
        }
        String account = null;
        if (appId != null) {
            if (!AppIds.isValid(appId)) {
                throw new IllegalArgumentException("appId must be 'wx' followed by 16 hexadecimal digits");
            }
            account = AppIds.normalize(appId);
        }
        List<StoredQrCode> rows = store.list(tenantId, account, cursor, limit + 1);
        List<QrCode> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < rows.size() && i < limit; i++) {
            items.add(rows.get(i).view());
        }
        Long next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
        return new QrCodePage(items, next);
    }

    /** @throws QrCodeNotFoundException when the tenant has no code with this id */
    public QrCode get(long tenantId, long id) {
        return store.find(tenantId, id).map(StoredQrCode::view).orElseThrow(() -> new QrCodeNotFoundException(id));
    }

    /**
     * Retires a code: it is no longer re-issued, its follows and scans stop counting, and its scene is free for a new
     * code. Its current ticket keeps working at WeChat until it expires (a permanent one for ever): WeChat has no way
     * to revoke a ticket. Idempotent.
     *
     * @throws QrCodeNotFoundException when the tenant has no code with this id
     */
    public QrCode retire(long tenantId, long id) {
        return store.retire(tenantId, id, Instant.ofEpochMilli(clock.millis())).map(StoredQrCode::view)
                .orElseThrow(() -> new QrCodeNotFoundException(id));
    }

    /** The account the code is issued through, after checking the references a tenant must own. */
    private MpAccount resolve(long tenantId, String appId, Long journeyId) {
        List<QrCodeProblem> problems = new ArrayList<>();
        boolean connected = accounts.findByAppId(appId).filter(a -> a.tenantId() == tenantId).isPresent();
        Optional<MpAccount> account = connected ? services.find(appId) : Optional.empty();
        if (account.isEmpty()) {
            problems.add(new QrCodeProblem("appId", "account-not-connected",
                    "no official account with this appId is connected to your tenant"));
        }
        if (journeyId != null && !journeys.exists(tenantId, journeyId)) {
            problems.add(new QrCodeProblem("journeyId", "unknown-journey", "your tenant has no journey with this id"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidQrCodeException(problems, true);
        }
        return account.get();
    }
}
