package org.wayfarer.channel.wechat.qrcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;

/** What one intake write adds to which code's follows and scans. */
class QrCodeTallyTest {

    private static final String APP_A = "wx00000000000000aa";
    private static final String APP_B = "wx00000000000000bb";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private final RecordingStore store = new RecordingStore();
    private final QrCodeTally tally = new QrCodeTally(store);

    @Test
    void countsFollowsAndScansPerAccountAndSceneInLockOrder() {
        tally.stored(List.of(
                event(APP_B, "wechat.followed", "store_9"),
                event(APP_A, "wechat.followed", "store_2"),
                event(APP_A, "wechat.qr_scanned", "store_2"),
                event(APP_A, "wechat.followed", "store_2"),
                event(APP_A, "wechat.followed", "store_1")));

        assertThat(store.calls).singleElement().satisfies(call -> assertThat(call).containsExactly(
                new SceneTally(1, APP_A, "store_1", 1, 0),
                new SceneTally(1, APP_A, "store_2", 2, 1),
                new SceneTally(1, APP_B, "store_9", 1, 0)));
    }

    @Test
    void tellsTenantsAndCasesApart() {
        tally.stored(List.of(
                new ContactEvent(2, APP_A, "k1", "wechat.followed", Identity.wechatOpenid(APP_A, "o1"), null, AT,
                        Map.of("scene", "Store_1"), null),
                event(APP_A, "wechat.followed", "store_1"),
                event(APP_A.toUpperCase().replace("WX", "wx"), "wechat.followed", "store_1")));

        assertThat(store.calls).singleElement().satisfies(call -> assertThat(call).containsExactly(
                new SceneTally(2, APP_A, "Store_1", 1, 0),
                new SceneTally(1, APP_A, "store_1", 2, 0)));
    }

    @Test
    void leavesOutEverythingThatCannotBeACodesFollowOrScan() {
        tally.stored(List.of(
                event(APP_A, "wechat.unfollowed", "store_1"),
                event(APP_A, "wechat.menu_clicked", "store_1"),
                event("api", "wechat.followed", "store_1"),
                event(APP_A, "wechat.followed", "with space"),
                event(APP_A, "wechat.followed", "门店"),
                event(APP_A, "wechat.followed", "s".repeat(65)),
                new ContactEvent(1, APP_A, "k-none", "wechat.followed", Identity.wechatOpenid(APP_A, "o"), null, AT,
                        Map.of(), null),
                new ContactEvent(1, APP_A, "k-number", "wechat.followed", Identity.wechatOpenid(APP_A, "o"), null,
                        AT, Map.of("scene", 42), null)));

        assertThat(store.calls).as("no statement for a write without QR events").isEmpty();
    }

    private static ContactEvent event(String source, String type, String scene) {
        return new ContactEvent(1, source, type + ":" + scene + ":" + System.nanoTime(), type,
                Identity.wechatOpenid(source.startsWith("wx") ? source : APP_A, "oFOLLOWER"), null, AT,
                Map.of("scene", scene), null);
    }

    /** Records what is tallied; nothing else is called. */
    private static final class RecordingStore implements QrCodeStore {
        final List<List<SceneTally>> calls = new ArrayList<>();

        @Override
        public void tally(Collection<SceneTally> tallies) {
            calls.add(List.copyOf(tallies));
        }

        @Override
        public boolean insert(StoredQrCode code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredQrCode> find(long tenantId, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredQrCode> findLive(String appId, String scene) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredQrCode> list(long tenantId, String appId, Long afterId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countPermanent(String appId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredQrCode> dueForRenewal(Instant now, Instant afterRenewAt, Long afterId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean renew(StoredQrCode current, Renewal next, long historyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredQrCode> retire(long tenantId, long id, Instant at) {
            throw new UnsupportedOperationException();
        }
    }
}
