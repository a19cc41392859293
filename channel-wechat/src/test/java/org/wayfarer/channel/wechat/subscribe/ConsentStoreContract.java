package org.wayfarer.channel.wechat.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The consent store's contract; one subclass per adapter (MyBatis on H2 and on MariaDB, and the in-memory double).
 * Every test uses fresh tenants and contacts, so a subclass may share its schema across tests and runs.
 */
abstract class ConsentStoreContract {

    private static final String APP = "wx1234567890abcdef";
    private static final String OTHER_APP = "wx00000000000000b2";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));

    /** The store under test. */
    abstract ConsentStore store();

    private final long tenant = ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40);
    private final long contact = ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40);

    private static ConsentRecord record(long tenant, long contact, String app, String template, ConsentKind kind,
                                        int second, String dedupeKey) {
        return new ConsentRecord(IDS.incrementAndGet(), tenant, contact, app, template, kind, T0.plusSeconds(second),
                dedupeKey, null, null, null, null, T0.plusSeconds(second));
    }

    private ConsentRecord record(String template, ConsentKind kind, int second, String dedupeKey) {
        return record(tenant, contact, APP, template, kind, second, dedupeKey);
    }

    @Test
    void readsBackEveryFieldAsStored() {
        ConsentRecord sent = new ConsentRecord(IDS.incrementAndGet(), tenant, contact, APP, "TPL_SHIPPED",
                ConsentKind.SENT, T0.plusMillis(1_234), "send:4711", 4711L, "300000001", null, null,
                T0.plusMillis(1_300));
        ConsentRecord result = new ConsentRecord(IDS.incrementAndGet(), tenant, contact, APP, "TPL_SHIPPED",
                ConsentKind.RESULT, T0.plusSeconds(5), "submsg:300000001", null, "300000001", 43101,
                "failed:user block", T0.plusSeconds(6));
        ConsentRecord grant = record("TPL_SHIPPED", ConsentKind.ONE_TIME, 0, "evt:1");

        assertThat(store().insert(grant)).isTrue();
        assertThat(store().insert(sent)).isTrue();
        assertThat(store().insert(result)).isTrue();

        assertThat(store().history(tenant, contact, 10)).containsExactly(result, sent, grant);
    }

    @Test
    void aRecordOfTheSamePushAndTemplateIsStoredOnce() {
        ConsentRecord first = record("TPL_SHIPPED", ConsentKind.ONE_TIME, 0, "evt:1");

        assertThat(store().insert(first)).isTrue();
        assertThat(store().insert(record("TPL_SHIPPED", ConsentKind.ONE_TIME, 0, "evt:1"))).as("a retry").isFalse();
        assertThat(store().insert(record("TPL_COUPON", ConsentKind.REFUSED, 0, "evt:1"))).as("the push's other"
                + " template").isTrue();
        assertThat(store().insert(record(tenant, contact, OTHER_APP, "TPL_SHIPPED", ConsentKind.ONE_TIME, 0,
                "evt:1"))).as("another account").isTrue();
        assertThat(store().insert(record(tenant + 1, contact, APP, "TPL_SHIPPED", ConsentKind.ONE_TIME, 0,
                "evt:1"))).as("another tenant").isTrue();

        assertThat(store().forTemplate(tenant, contact, APP, "TPL_SHIPPED", 10)).containsExactly(first);
    }

    @Test
    void listsOneTemplateOfOneFollowerOnOneAccountNewestFirst() {
        ConsentRecord oldest = record("TPL_SHIPPED", ConsentKind.ONE_TIME, 0, "evt:1");
        ConsentRecord middle = record("TPL_SHIPPED", ConsentKind.REFUSED, 10, "evt:2");
        ConsentRecord sameSecondLater = record("TPL_SHIPPED", ConsentKind.ONE_TIME, 10, "evt:3");
        ConsentRecord newest = record("TPL_SHIPPED", ConsentKind.STANDING, 20, "evt:4");
        for (ConsentRecord r : new ConsentRecord[] {newest, oldest, sameSecondLater, middle}) {
            store().insert(r);
        }
        store().insert(record("TPL_COUPON", ConsentKind.ONE_TIME, 30, "evt:5"));
        store().insert(record(tenant, contact, OTHER_APP, "TPL_SHIPPED", ConsentKind.ONE_TIME, 30, "evt:6"));
        store().insert(record(tenant, contact + 1, APP, "TPL_SHIPPED", ConsentKind.ONE_TIME, 30, "evt:7"));

        assertThat(store().forTemplate(tenant, contact, APP, "TPL_SHIPPED", 10))
                .containsExactly(newest, sameSecondLater, middle, oldest);
        assertThat(store().forTemplate(tenant, contact, APP, "TPL_SHIPPED", 2)).containsExactly(newest,
                sameSecondLater);
        assertThat(store().forTemplate(tenant + 1, contact, APP, "TPL_SHIPPED", 10)).isEmpty();
    }

    @Test
    void aFollowersHistorySpansTemplatesAndAccountsNewestFirst() {
        ConsentRecord shipped = record("TPL_SHIPPED", ConsentKind.ONE_TIME, 0, "evt:1");
        ConsentRecord coupon = record("TPL_COUPON", ConsentKind.REFUSED, 5, "evt:1");
        ConsentRecord elsewhere = record(tenant, contact, OTHER_APP, "TPL_SHIPPED", ConsentKind.STANDING, 9,
                "evt:2");
        store().insert(shipped);
        store().insert(elsewhere);
        store().insert(coupon);
        store().insert(record(tenant, contact + 1, APP, "TPL_SHIPPED", ConsentKind.ONE_TIME, 0, "evt:3"));

        assertThat(store().history(tenant, contact, 10)).containsExactly(elsewhere, coupon, shipped);
        assertThat(store().history(tenant, contact, 1)).containsExactly(elsewhere);
        assertThat(store().history(tenant + 1, contact, 10)).isEmpty();
    }

    @Test
    void findsASendAndItsReportsByWeChatsMsgId() {
        ConsentRecord sent = new ConsentRecord(IDS.incrementAndGet(), tenant, contact, APP, "TPL_SHIPPED",
                ConsentKind.SENT, T0, "send:41", 41L, "300000009", null, null, T0);
        ConsentRecord report = new ConsentRecord(IDS.incrementAndGet(), tenant, contact, APP, "TPL_SHIPPED",
                ConsentKind.RESULT, T0.plusSeconds(2), "submsg:300000009", null, "300000009", 0, "success",
                T0.plusSeconds(2));
        store().insert(report);
        store().insert(sent);
        store().insert(new ConsentRecord(IDS.incrementAndGet(), tenant, contact, OTHER_APP, "TPL_SHIPPED",
                ConsentKind.SENT, T0, "send:42", 42L, "300000009", null, null, T0));

        assertThat(store().byMsgId(tenant, APP, "300000009")).containsExactly(sent, report);
        assertThat(store().byMsgId(tenant + 1, APP, "300000009")).isEmpty();
        assertThat(store().byMsgId(tenant, APP, "300000010")).isEmpty();
    }
}
