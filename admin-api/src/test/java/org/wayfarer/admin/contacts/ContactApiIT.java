package org.wayfarer.admin.contacts;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.runtime.StepRecord;

/** The contact endpoints with the real directory on in-memory ports, behind the real security. */
@AdminApiTest
class ContactApiIT {

    private static final long ALICE = 7_243_519_830_371_000_001L;
    private static final long BOB_OF_OTHER_TENANT = 7_243_519_830_371_000_002L;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Identity ALICE_OPENID = Identity.wechatOpenid("wx1234567890abcdef", "o-alice");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void seed() {
        engine.clear();
        engine.contacts.create(TestKeys.TENANT, ALICE, ALICE_OPENID, Map.of("name", "Alice", "memberId", "M-1"), T0);
        engine.contacts.addIdentity(TestKeys.TENANT, ALICE, Identity.unionid("u-alice"), T0);
        engine.contacts.addIdentity(TestKeys.TENANT, ALICE, new Identity(IdentityKind.PHONE, "", "13800000000"), T0);
        engine.contacts.addIdentity(TestKeys.TENANT, ALICE,
                new Identity(IdentityKind.WECOM_EXTERNAL_USERID, "ww-corp", "wm-alice"), T0);
        engine.contacts.create(TestKeys.OTHER_TENANT, BOB_OF_OTHER_TENANT, Identity.unionid("u-bob"), Map.of(), T0);
    }

    @Test
    void findsContactByOpenidOfAnAccount() throws Exception {
        mvc.perform(viewer(get("/api/v1/contacts").param("appId", "wx1234567890abcdef").param("openid", "o-alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(Long.toString(ALICE)))
                .andExpect(jsonPath("$[0].attributes.name").value("Alice"))
                .andExpect(jsonPath("$[0].identities", hasSize(4)))
                .andExpect(jsonPath("$[0].identities[0].kind").value("WECHAT_OPENID"))
                .andExpect(jsonPath("$[0].identities[0].namespace").value("wx1234567890abcdef"))
                .andExpect(jsonPath("$[0].identities[0].value").value("o-alice"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-03-01T08:00:00Z"));
    }

    @Test
    void findsContactByEachKindOfIdentity() throws Exception {
        for (String[] query : new String[][] {{"unionid", "u-alice"}, {"phone", "13800000000"}}) {
            mvc.perform(viewer(get("/api/v1/contacts").param(query[0], query[1])))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].id").value(Long.toString(ALICE)));
        }
        mvc.perform(viewer(get("/api/v1/contacts").param("externalUserId", "wm-alice").param("corpId", "ww-corp")))
                .andExpect(jsonPath("$[0].id").value(Long.toString(ALICE)));
    }

    @Test
    void answersEmptyListForUnknownOrOtherTenantsIdentity() throws Exception {
        mvc.perform(viewer(get("/api/v1/contacts").param("unionid", "u-nobody")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(viewer(get("/api/v1/contacts").param("unionid", "u-bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void asksForExactlyOneCompleteIdentity() throws Exception {
        mvc.perform(viewer(get("/api/v1/contacts")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(startsWith("Give exactly one identity")));
        mvc.perform(viewer(get("/api/v1/contacts").param("unionid", "u-alice").param("phone", "13800000000")))
                .andExpect(status().isBadRequest());
        mvc.perform(viewer(get("/api/v1/contacts").param("openid", "o-alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'openid' needs 'appId'."));
        mvc.perform(viewer(get("/api/v1/contacts").param("externalUserId", "wm-alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'externalUserId' needs 'corpId'."));
        mvc.perform(viewer(get("/api/v1/contacts").param("unionid", "u".repeat(200))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void readsProfile() throws Exception {
        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(Long.toString(ALICE)))
                .andExpect(jsonPath("$.attributes.memberId").value("M-1"));
    }

    @Test
    void hidesOtherTenantsContactsAs404() throws Exception {
        mvc.perform(viewer(get("/api/v1/contacts/" + BOB_OF_OTHER_TENANT)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(viewer(get("/api/v1/contacts/" + BOB_OF_OTHER_TENANT + "/timeline")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/contacts/" + ALICE)
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OTHER_TENANT_ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void showsTimelineOfEventsStepsAndMessagesNewestFirst() throws Exception {
        engine.events.append(new EventLog.NewEvent(501, new ContactEvent(TestKeys.TENANT, "wx1234567890abcdef",
                "d-1", "wechat.followed", ALICE_OPENID, "u-alice", T0, Map.of("scene", "store_12"), Map.of()), ALICE,
                0), T0);
        engine.events.markProcessed(List.of(501L), T0);
        engine.steps.append(List.of(new StepRecord(601, TestKeys.TENANT, 701, 801, 1, ALICE, "welcome", 1,
                "SENT_QUEUED", null, T0.plusSeconds(1))));
        engine.outbox.insert(List.of(new OutboxMessage(901, TestKeys.TENANT, 701, 801, "welcome", 1, ALICE,
                "wechat.template", "wx1234567890abcdef", "o-alice", Map.of("templateId", "TPL"),
                OutboxStatus.PENDING, 0, T0.plusSeconds(1), null, null, null, T0.plusSeconds(1),
                T0.plusSeconds(1))));
        engine.outbox.claim(901, "node-a", T0.plusSeconds(1), T0.plusSeconds(31)).orElseThrow();
        engine.outbox.markRejected(901, "43004", "user unfollowed", T0.plusSeconds(2));

        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE + "/timeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].kind").value("MESSAGE"))
                .andExpect(jsonPath("$[0].deliveryId").value("901"))
                .andExpect(jsonPath("$[0].status").value("REJECTED"))
                .andExpect(jsonPath("$[0].errorCode").value("43004"))
                .andExpect(jsonPath("$[0].recipient").doesNotExist())
                .andExpect(jsonPath("$[1].kind").value("STEP"))
                .andExpect(jsonPath("$[1].instanceId").value("701"))
                .andExpect(jsonPath("$[1].outcome").value("SENT_QUEUED"))
                .andExpect(jsonPath("$[1].detail").doesNotExist())
                .andExpect(jsonPath("$[2].kind").value("EVENT"))
                .andExpect(jsonPath("$[2].type").value("wechat.followed"))
                .andExpect(jsonPath("$[2].properties.scene").value("store_12"))
                .andExpect(jsonPath("$[2].at").value("2026-03-01T08:00:00Z"));
        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE + "/timeline").param("limit", "1")))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void rejectsTimelineLimitOutOfRange() throws Exception {
        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE + "/timeline").param("limit", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE + "/timeline").param("limit", "201")))
                .andExpect(status().isBadRequest());
        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE + "/timeline").param("limit", "many")))
                .andExpect(status().isBadRequest());
    }

    private static MockHttpServletRequestBuilder viewer(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER));
    }
}
