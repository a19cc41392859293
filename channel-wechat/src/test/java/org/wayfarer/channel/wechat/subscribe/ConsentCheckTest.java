package org.wayfarer.channel.wechat.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;

/** The consent rules over hand-made ledger records and outbox rows of every status. */
class ConsentCheckTest {

    private static final String APP = "wx1234567890abcdef";
    private static final String TEMPLATE = "TPL_SHIPPED";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final List<ConsentRecord> records = new ArrayList<>();
    private final List<OutboxMessage> rows = new ArrayList<>();
    private final AtomicInteger outboxReads = new AtomicInteger();
    private long nextId = 1;

    private void record(ConsentKind kind, int minute) {
        record(kind, minute, null);
    }

    private void record(ConsentKind kind, int minute, Long deliveryId) {
        records.add(new ConsentRecord(nextId++, 5, 30, APP, TEMPLATE, kind, at(minute), "k" + nextId, deliveryId,
                null, kind == ConsentKind.SEND_REFUSED ? 43101 : null, null, at(minute)));
    }

    private void row(long id, OutboxStatus status, int createdMinute, int updatedMinute) {
        row(id, status, createdMinute, updatedMinute, "wechat.subscribe", APP, TEMPLATE);
    }

    private void row(long id, OutboxStatus status, int createdMinute, int updatedMinute, String channel,
                     String account, String templateId) {
        rows.add(new OutboxMessage(id, 5, 10, 20, "notify", 1, 30, channel, account, "oFOLLOWER",
                Map.of("templateId", templateId, "data", Map.of("thing1", "x")), status, 1, at(createdMinute), null,
                null, null, at(createdMinute), at(updatedMinute)));
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private Optional<String> check(long deliveryId) {
        List<ConsentRecord> newestFirst = records.stream().sorted(Comparator.comparing(ConsentRecord::occurredAt)
                .thenComparingLong(ConsentRecord::id).reversed()).toList();
        return ConsentCheck.unreachable(TEMPLATE, APP, newestFirst, () -> {
            outboxReads.incrementAndGet();
            return rows;
        }, "wechat.subscribe", deliveryId);
    }

    @Test
    void withoutAnyRecordTheFollowerHasNotAcceptedIt() {
        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: the follower has not"
                + " accepted it");
        assertThat(outboxReads).as("no grant, nothing to count").hasValue(0);
    }

    @Test
    void aOneTimeGrantAllowsOneMessage() {
        record(ConsentKind.ONE_TIME, 0);
        assertThat(check(0)).isEmpty();

        row(101, OutboxStatus.SENT, 1, 1);

        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: the one-time grant of"
                + " 2026-03-01T08:00:00Z was used by delivery 101");
        assertThat(check(101)).as("the send that holds it, checked again").isEmpty();
    }

    @Test
    void everyGrantAllowsOneMoreMessage() {
        record(ConsentKind.ONE_TIME, 0);
        record(ConsentKind.ONE_TIME, 2);
        row(101, OutboxStatus.SENT, 1, 1);
        assertThat(check(0)).isEmpty();

        row(102, OutboxStatus.PENDING, 3, 3);

        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: the one-time grant of"
                + " 2026-03-01T08:02:00Z was used by delivery 102");
    }

    @Test
    void sendsQueuedSendingOrOfUnknownOutcomeSpendAGrantRefusedAndWithdrawnOnesDoNot() {
        record(ConsentKind.ONE_TIME, 0);
        row(101, OutboxStatus.REJECTED, 1, 1);
        row(102, OutboxStatus.DROPPED, 1, 1);
        assertThat(check(0)).isEmpty();

        for (OutboxStatus spending : List.of(OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.UNKNOWN)) {
            rows.removeIf(r -> r.id() == 103);
            row(103, spending, 2, 2);
            assertThat(check(0)).as(spending.name()).hasValueSatisfying(why -> assertThat(why)
                    .endsWith("was used by delivery 103"));
        }
    }

    @Test
    void onlySendsOfTheTemplateOnTheAccountThroughTheSubscriptionChannelCount() {
        record(ConsentKind.ONE_TIME, 0);
        row(101, OutboxStatus.SENT, 1, 1, "wechat.template", APP, TEMPLATE);
        row(102, OutboxStatus.SENT, 1, 1, "wechat.subscribe", "wx00000000000000b2", TEMPLATE);
        row(103, OutboxStatus.SENT, 1, 1, "wechat.subscribe", APP, "TPL_OTHER");

        assertThat(check(0)).isEmpty();
    }

    @Test
    void ofTwoQueuedSendsRacingForOneGrantTheOlderGoes() {
        record(ConsentKind.ONE_TIME, 0);
        row(101, OutboxStatus.SENDING, 1, 2);
        row(102, OutboxStatus.SENDING, 1, 2);

        assertThat(check(101)).isEmpty();
        assertThat(check(102)).hasValue("no subscription consent for template TPL_SHIPPED: the one-time grant of"
                + " 2026-03-01T08:00:00Z was used by delivery 101");
        assertThat(check(0)).as("a new send comes after both").isPresent();
    }

    @Test
    void aSentMessageSpendsTheGrantWhateverItsQueueOrder() {
        record(ConsentKind.ONE_TIME, 0);
        row(101, OutboxStatus.PENDING, 1, 1);
        row(102, OutboxStatus.SENT, 2, 3);

        assertThat(check(101)).hasValueSatisfying(why -> assertThat(why).endsWith("was used by delivery 102"));
    }

    @Test
    void aSentRecordSpendsAGrantEvenWhenTheOutboxNoLongerShowsIt() {
        record(ConsentKind.ONE_TIME, 0);
        record(ConsentKind.SENT, 1, 101L);

        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: the one-time grant of"
                + " 2026-03-01T08:00:00Z was used by delivery 101");
        assertThat(check(101)).isEmpty();
    }

    @Test
    void aRejectionInAPopupVoidsTheGrantsBeforeIt() {
        record(ConsentKind.ONE_TIME, 0);
        record(ConsentKind.REFUSED, 1);

        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: refused at"
                + " 2026-03-01T08:01:00Z (in a subscription popup)");
    }

    @Test
    void aLaterAcceptGrantsAgainAndSendsBeforeTheRefusalSpendNothingOfIt() {
        record(ConsentKind.ONE_TIME, 0);
        row(101, OutboxStatus.SENT, 1, 1);
        record(ConsentKind.REFUSED, 2);
        record(ConsentKind.ONE_TIME, 3);

        assertThat(check(0)).isEmpty();
    }

    @Test
    void aSendQueuedBeforeTheRefusalButCalledAfterItSpendsTheNewGrant() {
        row(101, OutboxStatus.SENT, 1, 4);
        record(ConsentKind.REFUSED, 2);
        record(ConsentKind.ONE_TIME, 3);

        assertThat(check(0)).hasValueSatisfying(why -> assertThat(why).endsWith("was used by delivery 101"));
    }

    @Test
    void aStandingGrantAllowsAnyNumberUntilItIsSwitchedOff() {
        record(ConsentKind.STANDING, 0);
        row(101, OutboxStatus.SENT, 1, 1);
        row(102, OutboxStatus.SENT, 2, 2);
        assertThat(check(0)).isEmpty();
        assertThat(outboxReads).as("a standing grant counts nothing").hasValue(0);

        record(ConsentKind.REVOKED, 3);

        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: refused at"
                + " 2026-03-01T08:03:00Z (switched off in the subscription settings)");
    }

    @Test
    void weChatsRefusalOfASendVoidsEveryGrantBeforeIt() {
        record(ConsentKind.STANDING, 0);
        record(ConsentKind.ONE_TIME, 1);
        record(ConsentKind.SEND_REFUSED, 2, 101L);

        assertThat(check(0)).hasValue("no subscription consent for template TPL_SHIPPED: refused at"
                + " 2026-03-01T08:02:00Z (WeChat refused delivery 101 with 43101)");
    }

    @Test
    void deliveryReportsNeitherGrantNorRefuse() {
        record(ConsentKind.ONE_TIME, 0);
        record(ConsentKind.RESULT, 1);

        assertThat(check(0)).isEmpty();
    }
}
