package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;

/** The callback endpoint's answers to well-formed pushes, retries, replays and requests wrong in their envelope. */
class MpCallbackIT extends MpCallbackTestSupport {

    @Test
    void echoesEchostrOfASignedUrlVerification() throws Exception {
        HttpResponse<String> response = get(plain.urlVerification("5837397520875764839"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("5837397520875764839");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    /** Only GET and POST on exactly one path segment after the mapping; nothing of these reaches the intake. */
    @Test
    void answersOtherMethodsAndPathsWithoutTouchingTheIntake() throws Exception {
        SignedCallback follow = plain.plain(plain.subscribeFromQr(OPENID, "store_42", "TICKET-1"));
        String base = baseUrl() + "/callbacks/wechat/mp/";
        HttpRequest put = HttpRequest.newBuilder(follow.uri(baseUrl()))
                .PUT(BodyPublishers.ofString(follow.body(), StandardCharsets.UTF_8)).build();

        assertRejected(http.send(put, BodyHandlers.ofString()), 405);
        for (String path : new String[] {base, base + PLAIN_APP + "/", base + PLAIN_APP + "/extra"}) {
            HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(path + "?" + follow.query()))
                    .POST(BodyPublishers.ofString(follow.body(), StandardCharsets.UTF_8)).build();
            assertRejected(http.send(request, BodyHandlers.ofString()), 404);
        }
        assertThat(post(follow).body()).isEqualTo("success");
    }

    @Test
    void refusesUrlVerificationWithBadSignature() throws Exception {
        HttpResponse<String> response = get(plain.urlVerification("5837397520875764839").withCorruptedSignature());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("5837397520875764839");
    }

    @Test
    void publishesPlainFollowFromQrCode() throws Exception {
        HttpResponse<String> response = post(plain.plain(plain.subscribeFromQr(OPENID, "store_42", "TICKET-1")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
        long createTime = WeChatTestApplication.START.getEpochSecond();
        assertThat(intake.events()).singleElement().satisfies(event -> {
            assertThat(event.tenantId()).isEqualTo(PLAIN_TENANT);
            assertThat(event.source()).isEqualTo(PLAIN_APP);
            assertThat(event.type()).isEqualTo(EventTypes.WECHAT_FOLLOWED);
            assertThat(event.identity()).isEqualTo(Identity.wechatOpenid(PLAIN_APP, OPENID));
            assertThat(event.occurredAt()).isEqualTo(WeChatTestApplication.START);
            assertThat(event.properties()).isEqualTo(Map.of("scene", "store_42", "ticket", "TICKET-1"));
            assertThat(event.dedupeKey())
                    .isEqualTo("evt:" + OPENID + ":" + createTime + ":subscribe:qrscene_store_42");
        });
    }

    @Test
    void publishesEncryptedTextMessage() throws Exception {
        SignedCallback callback = safe.encrypted(safe.text(OPENID, "我要优惠券 <b>&amp;", 4_561_255_354_251_345_929L));
        assertThat(callback.query()).contains("encrypt_type=aes", "msg_signature=");
        assertThat(callback.body()).doesNotContain("优惠券", OPENID);

        HttpResponse<String> response = post(callback);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
        assertThat(intake.events()).singleElement().satisfies(event -> {
            assertThat(event.tenantId()).isEqualTo(SAFE_TENANT);
            assertThat(event.source()).isEqualTo(SAFE_APP);
            assertThat(event.type()).isEqualTo(EventTypes.WECHAT_MESSAGE_RECEIVED);
            assertThat(event.dedupeKey()).isEqualTo("msg:4561255354251345929");
            assertThat(event.properties()).isEqualTo(Map.of("msgType", "text", "content", "我要优惠券 <b>&amp;",
                    "msgId", "4561255354251345929"));
        });
    }

    @Test
    void publishesAnEncryptedTemplateDeliveryResultWithTheMsgIdOnlyTheRawFieldsCarry() throws Exception {
        // WeChat spells it MsgID here, which WxJava's bean does not map: the screen's fields are the fallback
        HttpResponse<String> response = post(safe.encrypted(safe.templateSendJobFinish(OPENID, 200_163_836L,
                "failed:user block")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(intake.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.WECHAT_TEMPLATE_DELIVERED);
            assertThat(event.dedupeKey()).isEqualTo("tpl:200163836");
            assertThat(event.properties()).isEqualTo(Map.of("msgId", "200163836", "status", "failed:user block"));
        });
    }

    @Test
    void storesARetriedPushOnce() throws Exception {
        SignedCallback callback = plain.plain(plain.click(OPENID, "MENU_COUPON"));

        assertThat(post(callback).statusCode()).isEqualTo(200);
        assertThat(post(callback).statusCode()).isEqualTo(200);

        assertThat(intake.calls()).isEqualTo(2);
        assertThat(intake.events()).extracting(ContactEvent::type).containsExactly(EventTypes.WECHAT_MENU_CLICKED);
    }

    @Test
    void rejectsCallbackWithBadSignature() throws Exception {
        assertRejected(post(plain.plain(plain.subscribe(OPENID)).withCorruptedSignature()), 403);
    }

    @Test
    void rejectsCallbackWithBadMsgSignature() throws Exception {
        assertRejected(post(safe.encrypted(safe.subscribe(OPENID)).withCorruptedMsgSignature()), 403);
    }

    @Test
    void rejectsEncryptedCallbackWhoseCiphertextWasSwapped() throws Exception {
        SignedCallback original = safe.encrypted(safe.subscribe(OPENID));
        SignedCallback other = safe.encrypted(safe.unsubscribe(OPENID));

        assertRejected(post(original.withBody(other.body())), 403);
    }

    @Test
    void rejectsCallbackWithStaleTimestamp() throws Exception {
        long sixMinutesAgo = clock.instant().minusSeconds(301).getEpochSecond();

        assertRejected(post(plain.plain(plain.subscribe(OPENID), sixMinutesAgo)), 403);
    }

    @Test
    void rejectsCallbackFromTheFuture() throws Exception {
        long inSixMinutes = clock.instant().plusSeconds(301).getEpochSecond();

        assertRejected(post(safe.encrypted(safe.subscribe(OPENID), inSixMinutes)), 403);
    }

    @Test
    void rejectsSignedTimestampsWhoseDistanceToOurClockOverflows() throws Exception {
        long now = clock.instant().getEpochSecond();

        // now - (now + Long.MIN_VALUE) overflows to Long.MIN_VALUE, whose absolute value is negative
        assertRejected(post(plain.plain(plain.subscribe(OPENID), now + Long.MIN_VALUE)), 403);
        assertRejected(post(plain.plain(plain.subscribe(OPENID), Long.MIN_VALUE)), 403);
        assertRejected(post(safe.encrypted(safe.subscribe(OPENID), Long.MAX_VALUE)), 403);
    }

    @Test
    void acceptsCallbackJustInsideTheTolerance() throws Exception {
        SignedCallback callback = plain.plain(plain.subscribe(OPENID));
        clock.advance(Duration.ofMinutes(5));

        assertThat(post(callback).statusCode()).isEqualTo(200);
        assertThat(intake.events()).hasSize(1);
    }

    @Test
    void answers404ForUnknownAccount() throws Exception {
        SignedCallback callback = plain.plain(plain.subscribe(OPENID));

        assertRejected(post(callback.forAppId("wx00000000000000ff")), 404);
        assertRejected(post(callback.forAppId("not-an-app-id")), 404);
    }

    @Test
    void rejectsDoctype() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY name SYSTEM \"file:///etc/passwd\">]>"
                + plain.text(OPENID, "&name;", 1L).replace("<![CDATA[&name;]]>", "&name;");

        assertRejected(post(plain.plain(xxe)), 400);
        assertRejected(post(safe.encrypted(xxe)), 400);
    }

    @Test
    void rejectsMalformedXml() throws Exception {
        assertRejected(post(plain.plain("<xml><FromUserName><![CDATA[x]]></FromUserName>")), 400);
        assertRejected(post(plain.plain("not xml at all")), 400);
        assertRejected(post(safe.encrypted("<xml><CreateTime>yesterday</CreateTime></xml>")), 400);
    }

    @Test
    void rejectsPushWithoutSender() throws Exception {
        assertRejected(post(plain.plain("<xml><MsgType><![CDATA[text]]></MsgType><MsgId>7</MsgId></xml>")), 400);
    }

    @Test
    void rejectsBodyOverOneMegabyteWhenDeclared() throws Exception {
        SignedCallback callback = plain.plain(plain.text(OPENID, "x".repeat(1_048_576), 9L));

        assertRejected(post(callback), 413);
    }

    @Test
    void rejectsBodyOverOneMegabyteWhileStreaming() throws Exception {
        SignedCallback callback = plain.plain(plain.text(OPENID, "x".repeat(1_048_576), 9L));
        byte[] body = callback.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(callback.uri(baseUrl()))
                .header("Content-Type", "text/xml")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        assertRejected(http.send(chunked, BodyHandlers.ofString()), 413);
    }

    @Test
    void rejectsMissingParameters() throws Exception {
        assertRejected(post(plain.plain(plain.subscribe(OPENID)).without("timestamp")), 400);
        assertRejected(post(plain.plain(plain.subscribe(OPENID)).without("signature")), 400);
        assertRejected(post(safe.encrypted(safe.subscribe(OPENID)).without("msg_signature")), 400);
        assertRejected(get(plain.urlVerification("1").without("echostr")), 400);
    }

    @Test
    void refusesPlainCallbackForSafeModeAccount() throws Exception {
        WeChatCallbacks downgraded = new WeChatCallbacks(SAFE_APP, SAFE_TOKEN, null, clock);

        assertRejected(post(downgraded.plain(downgraded.subscribe(OPENID))), 403);
    }

    @Test
    void refusesEncryptedCallbackForPlainModeAccount() throws Exception {
        WeChatCallbacks upgraded = new WeChatCallbacks(PLAIN_APP, PLAIN_TOKEN, AES_KEY, clock);

        assertRejected(post(upgraded.encrypted(upgraded.subscribe(OPENID))), 400);
    }

    @Test
    void answers500WhenTheEventCannotBeStoredSoWeChatRetries() throws Exception {
        intake.failWith(new IllegalStateException("database down"));

        HttpResponse<String> response = post(plain.plain(plain.subscribe(OPENID)));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("success");
        assertThat(intake.events()).isEmpty();
    }

    @Test
    void refusesAReplayedPlainSignatureWithAnotherBody() throws Exception {
        SignedCallback follow = plain.plain(plain.subscribe(OPENID));
        String other = plain.click("oOtherUser000000000000000000", "MENU_COUPON");

        assertThat(post(follow).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(follow.withBody(other));

        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).isNotEqualTo("success");
        assertThat(intake.calls()).isEqualTo(1);
        assertThat(intake.events()).extracting(ContactEvent::type).containsExactly(EventTypes.WECHAT_FOLLOWED);
    }

    @Test
    void answersSuccessToARetryWithTheSameQueryAndBody() throws Exception {
        SignedCallback follow = plain.plain(plain.subscribe(OPENID));
        SignedCallback text = safe.encrypted(safe.text(OPENID, "hello", 99L));

        for (int attempt = 0; attempt < 4; attempt++) {
            HttpResponse<String> plainAttempt = post(follow);
            HttpResponse<String> safeAttempt = post(text);
            assertThat(plainAttempt.statusCode()).isEqualTo(200);
            assertThat(plainAttempt.body()).isEqualTo("success");
            assertThat(safeAttempt.statusCode()).isEqualTo(200);
            assertThat(safeAttempt.body()).isEqualTo("success");
        }

        assertThat(intake.events()).hasSize(2);
    }

    @Test
    void refusesAReplayedPlainSignatureEvenAfterTheFirstBodyWasRefused() throws Exception {
        SignedCallback broken = plain.plain("<xml><MsgType><![CDATA[text]]></MsgType></xml>");

        assertRejected(post(broken), 400);
        assertRejected(post(broken.withBody(plain.subscribe(OPENID))), 403);
    }
}
