package org.wayfarer.channel.wechat.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.channel.wechat.ConnectAccount;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.QrCodeCreate;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryJourneyStore;
import org.wayfarer.journey.testing.MutableClock;

/**
 * Scene QR codes through the real WxJava SDK against the fake WeChat API, stored by the MyBatis adapter; one subclass
 * per database. Every test uses fresh tenants, accounts and scenes, so the subclasses share a schema and a fake
 * across tests; the clock only moves forward.
 */
abstract class QrCodesContract {

    static final FakeWeChatServer WECHAT = FakeWeChatServer.start();
    static final int MAX_PERMANENT = 3;
    private static final int THIRTY_DAYS = 2_592_000;

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("wayfarer.wechat.api-base-url", WECHAT::baseUrl);
        registry.add("wayfarer.wechat.qrcodes.max-permanent-per-account", () -> MAX_PERMANENT);
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.reset();
    }

    @Autowired
    QrCodes qrCodes;
    @Autowired
    QrCodeTally tally;
    @Autowired
    QrCodeReissuer reissuer;
    @Autowired
    WeChatAccounts accounts;
    @Autowired
    InMemoryJourneyStore journeys;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void createsATemporaryCodeWithTheExactRequestWxJavaSends() {
        long tenant = newTenant();
        String appId = connect(tenant);
        Instant now = clock.instant();

        QrCode code = qrCodes.create(tenant, new CreateQrCode(appId.toUpperCase().replace("WX", "wx"),
                "campaign42", true, 60, null));

        QrCodeCreate request = lastCreateFor("campaign42");
        assertThat(request.body()).isEqualTo("{\"action_name\":\"QR_STR_SCENE\",\"expire_seconds\":60,"
                + "\"action_info\":{\"scene\":{\"scene_str\":\"campaign42\"}}}");
        assertThat(request.query()).startsWith("access_token=TOKEN-");
        assertThat(code.appId()).isEqualTo(appId);
        assertThat(code.scene()).isEqualTo("campaign42");
        assertThat(code.temporary()).isTrue();
        assertThat(code.ticket()).startsWith("gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRt");
        assertThat(code.url()).startsWith("http://weixin.qq.com/q/");
        assertThat(code.imageUrl()).isEqualTo(WECHAT.baseUrl() + "/cgi-bin/showqrcode?ticket="
                + URLEncoder.encode(code.ticket(), StandardCharsets.UTF_8));
        assertThat(code.expiresAt()).isEqualTo(now.plusSeconds(60));
        assertThat(code.createdAt()).isEqualTo(now);
        assertThat(code.follows()).isZero();
        assertThat(code.reissues()).isZero();
        assertThat(code.live()).isTrue();
        assertThat(qrCodes.get(tenant, code.id())).isEqualTo(code);
    }

    @Test
    void asksForThirtyDaysWhenNoLifetimeIsGiven() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String scene = scene("default");

        QrCode code = qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null));

        assertThat(lastCreateFor(scene).json().get("expire_seconds").asInt()).isEqualTo(THIRTY_DAYS);
        assertThat(code.expiresAt()).isEqualTo(code.createdAt().plusSeconds(THIRTY_DAYS));
    }

    @Test
    void createsAPermanentCodeWithoutExpiry() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String scene = scene("poster");
        long journey = newJourney(tenant);

        QrCode code = qrCodes.create(tenant, new CreateQrCode(appId, scene, false, null, journey));

        assertThat(lastCreateFor(scene).body()).isEqualTo("{\"action_name\":\"QR_LIMIT_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"" + scene + "\"}}}");
        assertThat(code.temporary()).isFalse();
        assertThat(code.expiresAt()).isNull();
        assertThat(code.journeyId()).isEqualTo(journey);
        assertThat(qrCodes.get(tenant, code.id()).journeyId()).isEqualTo(journey);
    }

    @Test
    void refusesMalformedFieldsWithoutCallingWeChatOrStoringAnything() {
        long tenant = newTenant();
        String appId = connect(tenant);
        int calls = WECHAT.qrCodeCreates().size();

        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(appId, "s".repeat(65), true, 59, null)))
                .isInstanceOfSatisfying(InvalidQrCodeException.class, e -> {
                    assertThat(e.unresolved()).isFalse();
                    assertThat(e.problems()).extracting(QrCodeProblem::field, QrCodeProblem::code)
                            .containsExactly(tuple("scene", "too-long"), tuple("expiresIn", "out-of-range"));
                });
        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(appId, "ref_friend", false, null, null)))
                .isInstanceOf(InvalidQrCodeException.class);

        assertThat(WECHAT.qrCodeCreates()).hasSize(calls);
        assertThat(codesOf(tenant)).isZero();
    }

    @Test
    void refusesAnAccountOrJourneyTheTenantDoesNotHave() {
        long tenant = newTenant();
        long rival = newTenant();
        String rivalsApp = connect(rival);
        long rivalsJourney = newJourney(rival);
        int calls = WECHAT.qrCodeCreates().size();

        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(rivalsApp, scene("x"), true, null,
                rivalsJourney)))
                .isInstanceOfSatisfying(InvalidQrCodeException.class, e -> {
                    assertThat(e.unresolved()).isTrue();
                    assertThat(e.problems()).extracting(QrCodeProblem::field, QrCodeProblem::code)
                            .containsExactly(tuple("appId", "account-not-connected"),
                                    tuple("journeyId", "unknown-journey"));
                });
        String ours = connect(tenant);
        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(ours, scene("x"), true, null,
                rivalsJourney)))
                .isInstanceOfSatisfying(InvalidQrCodeException.class, e -> assertThat(e.problems())
                        .extracting(QrCodeProblem::field).containsExactly("journeyId"));
        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(newAppId(), scene("x"), true, null, null)))
                .isInstanceOf(InvalidQrCodeException.class);

        assertThat(WECHAT.qrCodeCreates()).hasSize(calls);
        assertThat(codesOf(tenant)).isZero();
    }

    @Test
    void aWeChatErrorStoresNothingAndNamesTheErrcode() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String scene = scene("quota");
        WECHAT.failNextQrCodeCreates(scene, 45009, "reach max api daily quota limit rid: 6630f9b2-0c1e8a77", 1);

        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null)))
                .isInstanceOfSatisfying(WeChatQrCodeException.class, e -> {
                    assertThat(e.errcode()).isEqualTo(45009);
                    assertThat(e.getMessage()).contains("errcode 45009").doesNotContain("TOKEN-");
                });

        assertThat(codesOf(tenant)).isZero();
        QrCode retried = qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null));
        assertThat(retried.scene()).isEqualTo(scene);
    }

    @Test
    void aSceneBelongsToOneLiveCodeOfAnAccountCaseSensitively() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String otherApp = connect(tenant);
        String scene = scene("Store");
        QrCode first = qrCodes.create(tenant, new CreateQrCode(appId, scene, false, null, null));
        int calls = WECHAT.qrCodeCreates().size();

        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null)))
                .isInstanceOfSatisfying(SceneTakenException.class,
                        e -> assertThat(e.existingId()).isEqualTo(first.id()));
        assertThat(WECHAT.qrCodeCreates()).as("WeChat is not asked").hasSize(calls);

        QrCode lowerCase = qrCodes.create(tenant, new CreateQrCode(appId, scene.toLowerCase(), true, null, null));
        QrCode otherAccount = qrCodes.create(tenant, new CreateQrCode(otherApp, scene, true, null, null));
        assertThat(List.of(lowerCase.scene(), otherAccount.scene())).containsExactly(scene.toLowerCase(), scene);
    }

    @Test
    void aRetiredCodeFreesItsSceneAndIsNoLongerCounted() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String scene = scene("spring");
        QrCode old = qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null));
        tally.stored(List.of(follow(tenant, appId, scene, "o1")));

        QrCode retired = qrCodes.retire(tenant, old.id());
        tally.stored(List.of(follow(tenant, appId, scene, "o2")));
        QrCode again = qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null));
        tally.stored(List.of(follow(tenant, appId, scene, "o3")));

        assertThat(retired.retiredAt()).isEqualTo(clock.instant());
        assertThat(qrCodes.retire(tenant, old.id())).as("idempotent").isEqualTo(retired);
        assertThat(qrCodes.get(tenant, old.id()).follows()).isEqualTo(1);
        assertThat(qrCodes.get(tenant, again.id()).follows()).isEqualTo(1);
        assertThatThrownBy(() -> qrCodes.retire(newTenant(), again.id())).isInstanceOf(QrCodeNotFoundException.class);
    }

    @Test
    void refusesAPermanentCodeOverTheAccountsLimitEvenAfterARetirement() {
        long tenant = newTenant();
        String appId = connect(tenant);
        QrCode first = qrCodes.create(tenant, new CreateQrCode(appId, scene("p"), false, null, null));
        for (int i = 1; i < MAX_PERMANENT; i++) {
            qrCodes.create(tenant, new CreateQrCode(appId, scene("p"), false, null, null));
        }
        qrCodes.retire(tenant, first.id());
        int calls = WECHAT.qrCodeCreates().size();

        assertThatThrownBy(() -> qrCodes.create(tenant, new CreateQrCode(appId, scene("p"), false, null, null)))
                .isInstanceOfSatisfying(PermanentQrCodeLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(MAX_PERMANENT));

        assertThat(WECHAT.qrCodeCreates()).hasSize(calls);
        assertThat(qrCodes.create(tenant, new CreateQrCode(appId, scene("t"), true, null, null)).temporary())
                .as("temporary codes have no such limit").isTrue();
    }

    @Test
    void listsTheTenantsCodesOldestFirstInPagesAndByAccount() {
        long tenant = newTenant();
        String appA = connect(tenant);
        String appB = connect(tenant);
        QrCode a1 = qrCodes.create(tenant, new CreateQrCode(appA, scene("a"), true, null, null));
        QrCode b1 = qrCodes.create(tenant, new CreateQrCode(appB, scene("b"), false, null, null));
        QrCode a2 = qrCodes.create(tenant, new CreateQrCode(appA, scene("a"), false, null, null));
        long rival = newTenant();
        qrCodes.create(rival, new CreateQrCode(connect(rival), scene("r"), true, null, null));

        QrCodePage first = qrCodes.list(tenant, null, null, 2);
        QrCodePage second = qrCodes.list(tenant, null, first.nextCursor(), 2);

        assertThat(first.items()).extracting(QrCode::id).containsExactly(a1.id(), b1.id());
        assertThat(first.nextCursor()).isEqualTo(b1.id());
        assertThat(second.items()).extracting(QrCode::id).containsExactly(a2.id());
        assertThat(second.nextCursor()).isNull();
        assertThat(qrCodes.list(tenant, appA.toUpperCase().replace("WX", "wx"), null, 50).items())
                .extracting(QrCode::id).containsExactly(a1.id(), a2.id());
        assertThat(qrCodes.list(tenant, newAppId(), null, 50).items()).isEmpty();
        assertThatThrownBy(() -> qrCodes.get(rival, a1.id())).isInstanceOf(QrCodeNotFoundException.class);
    }

    @Test
    void talliesFollowsAndScansOfTheLiveCodeOfTheirSceneOnly() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String otherApp = connect(tenant);
        String scene = scene("counter");
        QrCode code = qrCodes.create(tenant, new CreateQrCode(appId, scene, true, null, null));

        tally.stored(List.of(follow(tenant, appId, scene, "o1"), follow(tenant, appId, scene, "o2"),
                scan(tenant, appId, scene, "o3")));
        tally.stored(List.of(scan(tenant, appId, scene, "o1"), follow(tenant, otherApp, scene, "o4"),
                follow(tenant, appId, scene.toUpperCase(), "o5"), follow(newTenant(), appId, scene, "o6"),
                follow(tenant, appId, scene + "x", "o7")));

        QrCode counted = qrCodes.get(tenant, code.id());
        assertThat(counted.follows()).isEqualTo(2);
        assertThat(counted.scans()).isEqualTo(2);
    }

    /** The intake calls the tally inside its write: a write that fails takes its counts with it. */
    @Test
    void aTallyRollsBackWithTheTransactionItRunsIn() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String scene = scene("rollback");
        QrCode code = qrCodes.create(tenant, new CreateQrCode(appId, scene, false, null, null));

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            tally.stored(List.of(follow(tenant, appId, scene, "o1"), scan(tenant, appId, scene, "o2")));
            throw new IllegalStateException("the intake's write failed");
        })).hasMessage("the intake's write failed");
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                tally.stored(List.of(follow(tenant, appId, scene, "o1"))));

        assertThat(qrCodes.get(tenant, code.id()).follows()).isEqualTo(1);
        assertThat(qrCodes.get(tenant, code.id()).scans()).isZero();
    }

    @Test
    void reissuesATemporaryCodeWithADayLeftAndLeavesAFreshOneAlone() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String aging = scene("aging");
        String fresh = scene("fresh");
        QrCode old = qrCodes.create(tenant, new CreateQrCode(appId, aging, true, null, null));
        clock.advance(Duration.ofDays(29).plusHours(12));
        QrCode young = qrCodes.create(tenant, new CreateQrCode(appId, fresh, true, null, null));
        int freshCalls = createsFor(fresh).size();
        tally.stored(List.of(follow(tenant, appId, aging, "oBEFORE")));

        reissuer.reissueDue();

        QrCode renewed = qrCodes.get(tenant, old.id());
        assertThat(renewed.ticket()).isNotEqualTo(old.ticket());
        assertThat(renewed.url()).isNotEqualTo(old.url());
        assertThat(renewed.imageUrl()).contains(URLEncoder.encode(renewed.ticket(), StandardCharsets.UTF_8));
        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plusSeconds(THIRTY_DAYS));
        assertThat(renewed.reissues()).isEqualTo(1);
        assertThat(renewed.follows()).as("the count stays with the code").isEqualTo(1);
        assertThat(renewed.createdAt()).isEqualTo(old.createdAt());
        assertThat(lastCreateFor(aging).body()).isEqualTo("{\"action_name\":\"QR_STR_SCENE\",\"expire_seconds\":"
                + THIRTY_DAYS + ",\"action_info\":{\"scene\":{\"scene_str\":\"" + aging + "\"}}}");
        assertThat(jdbc.queryForList("SELECT ticket, url, issued_at, expires_at, replaced_at FROM wechat_qrcode_ticket"
                + " WHERE qrcode_id = ?", old.id())).singleElement().satisfies(row -> assertThat(row).containsExactly(
                Map.entry("ticket", old.ticket()), Map.entry("url", old.url()),
                Map.entry("issued_at", old.createdAt().toEpochMilli()),
                Map.entry("expires_at", old.expiresAt().toEpochMilli()),
                Map.entry("replaced_at", clock.instant().toEpochMilli())));

        assertThat(qrCodes.get(tenant, young.id())).isEqualTo(young);
        assertThat(createsFor(fresh)).hasSize(freshCalls);
        reissuer.reissueDue();
        assertThat(qrCodes.get(tenant, old.id()).reissues()).as("not due again for 29 days").isEqualTo(1);
    }

    @Test
    void aFailedReissueIsTriedAgainAtTheNextRun() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String scene = scene("retry");
        QrCode code = qrCodes.create(tenant, new CreateQrCode(appId, scene, true, 3_600, null));
        clock.advance(Duration.ofMinutes(31));
        WECHAT.failNextQrCodeCreates(scene, -1, "system error", 1);

        reissuer.reissueDue();
        QrCode afterFailure = qrCodes.get(tenant, code.id());
        reissuer.reissueDue();
        QrCode afterRetry = qrCodes.get(tenant, code.id());

        assertThat(afterFailure).isEqualTo(code);
        assertThat(afterRetry.reissues()).isEqualTo(1);
        assertThat(afterRetry.expiresAt()).isEqualTo(clock.instant().plusSeconds(3_600));
        assertThat(createsFor(scene)).extracting(c -> c.json().get("expire_seconds").asInt())
                .containsExactly(3_600, 3_600, 3_600);
    }

    @Test
    void aRetiredOrPermanentCodeIsNeverReissued() {
        long tenant = newTenant();
        String appId = connect(tenant);
        String retiredScene = scene("gone");
        String permanentScene = scene("forever");
        QrCode retired = qrCodes.create(tenant, new CreateQrCode(appId, retiredScene, true, 60, null));
        qrCodes.create(tenant, new CreateQrCode(appId, permanentScene, false, null, null));
        qrCodes.retire(tenant, retired.id());
        clock.advance(Duration.ofDays(40));

        reissuer.reissueDue();

        assertThat(createsFor(retiredScene)).hasSize(1);
        assertThat(createsFor(permanentScene)).hasSize(1);
        assertThat(qrCodes.get(tenant, retired.id()).reissues()).isZero();
    }

    private long codesOf(long tenant) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM wechat_qrcode WHERE tenant_id = ?", Long.class, tenant);
        return count == null ? 0 : count;
    }

    private String connect(long tenant) {
        String appId = newAppId();
        accounts.connect(tenant, new ConnectAccount(appId, "Shop", "secret-" + tenant, "token1", null));
        return appId;
    }

    private long newJourney(long tenant) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        journeys.insert(new StoredJourney(id, tenant, "j" + id, "Journey", "{}", null, clock.instant(),
                clock.instant(), 0));
        return id;
    }

    private ContactEvent follow(long tenant, String appId, String scene, String openid) {
        return event(tenant, appId, "wechat.followed", scene, openid);
    }

    private ContactEvent scan(long tenant, String appId, String scene, String openid) {
        return event(tenant, appId, "wechat.qr_scanned", scene, openid);
    }

    private ContactEvent event(long tenant, String appId, String type, String scene, String openid) {
        return new ContactEvent(tenant, appId, type + ":" + openid + ":" + System.nanoTime(), type,
                Identity.wechatOpenid(appId, openid), null, clock.instant(), Map.of("scene", scene), null);
    }

    private static List<QrCodeCreate> createsFor(String scene) {
        return WECHAT.qrCodeCreates().stream().filter(c -> scene.equals(c.sceneStr())).toList();
    }

    private static QrCodeCreate lastCreateFor(String scene) {
        List<QrCodeCreate> creates = createsFor(scene);
        assertThat(creates).as("requests for scene " + scene).isNotEmpty();
        return creates.get(creates.size() - 1);
    }

    private static String scene(String prefix) {
        return prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    private static long newTenant() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private static String newAppId() {
        return String.format("wx%016x", ThreadLocalRandom.current().nextLong());
    }
}
