package org.wayfarer.channel.wechat.qrcode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.channel.wechat.account.MpAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.IdGenerator;

/**
 * Keeps temporary codes alive: every run asks WeChat for a fresh ticket for each live temporary code that is due
 * (its {@code renewAt}, see {@link QrCodeProperties#renewAt}, has come by the clock) and records the new ticket, url,
 * picture and expiry on the same code, the replaced ticket going to the code's ticket history. A code whose re-issue
 * fails (WeChat's errcode, WeChat unreachable) stays due and is tried again at the next run; the failure is logged
 * with the code, the account and the errcode, nothing secret.
 *
 * <p>A new ticket is a new QR image: what shows the code (a screen, a web page, a message) must take {@code imageUrl}
 * or {@code url} from the API again. A printed temporary code stops working when its ticket expires; print permanent
 * codes. Nodes running the job at the same moment may both re-issue a code; only one records its ticket (the other's
 * stays valid at WeChat until it expires, unused). Thread-safe, but meant to run on one thread at a time.
 */
public final class QrCodeReissuer {

    private static final Logger log = LoggerFactory.getLogger(QrCodeReissuer.class);

    /** What one run did. */
    public record Run(int reissued, int failed) {
    }

    private final QrCodeStore store;
    private final WxMpServices services;
    private final IdGenerator ids;
    private final Clock clock;
    private final QrCodeProperties properties;
    private final QrCodeTickets tickets = new QrCodeTickets();

    public QrCodeReissuer(QrCodeStore store, WxMpServices services, IdGenerator ids, Clock clock,
                          QrCodeProperties properties) {
        this.store = Objects.requireNonNull(store, "store");
        this.services = Objects.requireNonNull(services, "services");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** Re-issues every code due now, a page at a time; each code is tried at most once per run. */
    public Run reissueDue() {
        Instant now = Instant.ofEpochMilli(clock.millis());
        int reissued = 0;
        int failed = 0;
        Instant afterRenewAt = null;
        Long afterId = null;
        while (true) {
            List<StoredQrCode> due = store.dueForRenewal(now, afterRenewAt, afterId, properties.reissuePageSize());
            for (StoredQrCode code : due) {
                if (reissue(code, now)) {
                    reissued++;
                } else {
                    failed++;
                }
            }
            if (due.size() < properties.reissuePageSize()) {
                break;
            }
            StoredQrCode last = due.get(due.size() - 1);
            afterRenewAt = last.renewAt();
            afterId = last.id();
        }
        if (reissued > 0 || failed > 0) {
            log.info("QR code re-issue: {} re-issued, {} failed (tried again at the next run)", reissued, failed);
        }
        return new Run(reissued, failed);
    }

    /** @return false when the code was due and is still due: WeChat or the account failed */
    private boolean reissue(StoredQrCode code, Instant now) {
        try {
            Optional<MpAccount> account = services.find(code.appId());
            if (account.isEmpty()) {
                log.warn("QR code {}: official account {} is no longer connected; not re-issued", code.id(),
                        code.appId());
                return false;
            }
            QrCodeTickets.Issued issued = tickets.issue(account.get(), code.scene(), true, code.expiresIn());
            int lifetime = issued.expireSeconds() > 0 ? issued.expireSeconds() : code.expiresIn();
            Instant expiresAt = now.plusSeconds(lifetime);
            Renewal next = new Renewal(issued.ticket(), issued.url(), issued.imageUrl(), now, expiresAt,
                    properties.renewAt(expiresAt, lifetime));
            if (!store.renew(code, next, ids.nextId())) {
                log.debug("QR code {} was retired or re-issued meanwhile; the new ticket is not used", code.id());
            }
            return true;
        } catch (WeChatQrCodeException e) {
            log.warn("QR code {} of {}: re-issue failed: {}; trying again at the next run", code.id(), code.appId(),
                    e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("QR code {} of {}: re-issue failed ({}); trying again at the next run", code.id(), code.appId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
