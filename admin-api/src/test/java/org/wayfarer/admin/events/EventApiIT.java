package org.wayfarer.admin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.inbox.IntakeUnavailableException;

/**
 * The event intake endpoint: what it hands to the engine, idempotency by id, batches, and whose official accounts a
 * tenant may name. Tenant 1 has connected {@link #OURS}, tenant 2 {@link #THEIRS} (WeChatAccounts is a mock here;
 * {@code e2e/HostileRequestsIT} repeats the isolation check with the real one). The size and shape limits are in
 * {@link EventValidationIT}.
 */
@AdminApiTest
class EventApiIT {

    static final String OURS = "wx1234567890abcdef";
    static final String THEIRS = "wxfedcba0987654321";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventIntake intake;
    @Autowired
    private WeChatAccounts accounts;

    @BeforeEach
    void connectAccounts() {
        connect(accounts);
    }

    /** Tenant 1 owns {@link #OURS}, tenant 2 owns {@link #THEIRS}; nobody owns anything else. */
    static void connect(WeChatAccounts accounts) {
        when(accounts.isConnected(TestKeys.TENANT, OURS)).thenReturn(true);
        when(accounts.isConnected(TestKeys.OTHER_TENANT, THEIRS)).thenReturn(true);
    }

    @Test
    void recordsAMemberSyncForTheCallersTenantWithItsIdAsDedupeKey() throws Exception {
        when(intake.accept(any())).thenReturn(new IntakeResult.Accepted(42L));

        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type": "contact.updated", "id": "crm-1",
                                 "identity": {"appId": "%s", "openid": "o-alice"},
                                 "occurredAt": "2026-03-01T09:00:00Z",
                                 "properties": {"source": "crm"}, "attributes": {"name": "王小明", "level": 3}}
                                """.formatted(OURS)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.eventId").value("42"))
                .andExpect(jsonPath("$.duplicate").value(false));

        ArgumentCaptor<ContactEvent> sent = ArgumentCaptor.forClass(ContactEvent.class);
        verify(intake).accept(sent.capture());
        ContactEvent event = sent.getValue();
        assertThat(event.tenantId()).isEqualTo(TestKeys.TENANT);
        assertThat(event.source()).isEqualTo("api");
        assertThat(event.dedupeKey()).isEqualTo("api:crm-1");
        assertThat(event.type()).isEqualTo("contact.updated");
        assertThat(event.identity()).isEqualTo(Identity.wechatOpenid(OURS, "o-alice"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(event.properties()).isEqualTo(Map.of("source", "crm"));
        assertThat(event.attributes()).isEqualTo(Map.of("name", "王小明", "level", 3));
    }

    @Test
    void aRepeatedIdIsReportedAsDuplicate() throws Exception {
        when(intake.accept(any())).thenReturn(new IntakeResult.Duplicate(41L));

        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"custom.order_paid\",\"id\":\"o-9\",\"identity\":{\"unionid\":\"u-1\"}}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.eventId").value("41"))
                .andExpect(jsonPath("$.duplicate").value(true));
    }

    @Test
    void anEventNotStoredInTimeGets503WithRetryAfter() throws Exception {
        when(intake.accept(any())).thenThrow(new IntakeUnavailableException("the intake queue is full", null));

        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"custom.order_paid\",\"id\":\"o-503\",\"identity\":{\"unionid\":\"u-1\"}}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesChannelEventTypesAndMissingIdentityWithProblems() throws Exception {
        for (String body : new String[] {
                "{\"type\":\"wechat.followed\",\"identity\":{\"unionid\":\"u-1\"}}",
                "{\"type\":\"custom.Bad Name\",\"identity\":{\"unionid\":\"u-1\"}}",
                "{\"type\":\"custom.order_paid\"}",
                "{\"type\":\"custom.order_paid\",\"identity\":{\"appId\":\"wx1234567890abcdef\"}}",
                "{\"type\":\"custom.order_paid\",\"identity\":{\"unionid\":\"u-1\"},\"attributes\":{\"x\":null}}"}) {
            mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(intake, never()).accept(any());
    }

    @Test
    void refusesAnIdentityOnAnOfficialAccountTheTenantHasNotConnected() throws Exception {
        for (String appId : new String[] {THEIRS, THEIRS.toUpperCase().replace("WX", "wx"), "wx0000000000000000"}) {
            mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"type": "custom.order_paid", "id": "o-1",
                                     "identity": {"appId": "%s", "openid": "o-victim"}}""".formatted(appId)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].pointer").value("/identity/appId"))
                    .andExpect(jsonPath("$.errors[0].code").value("account-not-connected"));
        }
        verify(intake, never()).accept(any());
    }

    @Test
    void theOtherTenantMayNotActThroughOurAccountEither() throws Exception {
        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OTHER_TENANT_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type": "custom.order_paid",
                                 "identity": {"appId": "%s", "openid": "o-alice"}}""".formatted(OURS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/identity/appId"));
        verify(intake, never()).accept(any());

        when(intake.accept(any())).thenReturn(new IntakeResult.Accepted(43L));
        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OTHER_TENANT_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type": "custom.order_paid",
                                 "identity": {"appId": "%s", "openid": "o-bob"}}""".formatted(THEIRS)))
                .andExpect(status().isAccepted());
        ArgumentCaptor<ContactEvent> sent = ArgumentCaptor.forClass(ContactEvent.class);
        verify(intake).accept(sent.capture());
        assertThat(sent.getValue().tenantId()).isEqualTo(TestKeys.OTHER_TENANT);
    }

    @Test
    void recordsABatchInOrderAndAnswersEveryResult() throws Exception {
        when(intake.accept(any())).thenReturn(new IntakeResult.Accepted(50L), new IntakeResult.Duplicate(7L));

        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"events": [
                                  {"type": "custom.cart_created", "id": "c-1", "identity": {"unionid": "u-1"},
                                   "properties": {"items": [{"sku": "A-1", "qty": 2}]}},
                                  {"type": "custom.order_paid", "id": "o-1",
                                   "identity": {"appId": "%s", "openid": "o-alice"},
                                   "occurredAt": "2026-03-01T10:00:00Z"}]}""".formatted(OURS)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].eventId").value("50"))
                .andExpect(jsonPath("$.results[0].duplicate").value(false))
                .andExpect(jsonPath("$.results[1].eventId").value("7"))
                .andExpect(jsonPath("$.results[1].duplicate").value(true));

        ArgumentCaptor<ContactEvent> sent = ArgumentCaptor.forClass(ContactEvent.class);
        verify(intake, times(2)).accept(sent.capture());
        List<ContactEvent> events = sent.getAllValues();
        assertThat(events).extracting(ContactEvent::dedupeKey).containsExactly("api:c-1", "api:o-1");
        assertThat(events).extracting(ContactEvent::tenantId).containsOnly(TestKeys.TENANT);
        assertThat(events.get(0).properties()).isEqualTo(Map.of("items", List.of(Map.of("sku", "A-1", "qty", 2))));
        assertThat(events.get(1).identity()).isEqualTo(Identity.wechatOpenid(OURS, "o-alice"));
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void storesNothingOfABatchWhenOneEventNamesAnotherTenantsAccount() throws Exception {
        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"events": [
                                  {"type": "custom.order_paid", "id": "o-1",
                                   "identity": {"appId": "%s", "openid": "o-alice"}},
                                  {"type": "custom.order_paid", "id": "o-2",
                                   "identity": {"appId": "%s", "openid": "o-victim"}}]}""".formatted(OURS, THEIRS)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].pointer").value("/events/1/identity/appId"))
                .andExpect(jsonPath("$.errors[0].code").value("account-not-connected"));
        verify(intake, never()).accept(any());
    }

    @Test
    void viewersMayNotRecordEvents() throws Exception {
        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"custom.order_paid\",\"identity\":{\"unionid\":\"u-1\"}}"))
                .andExpect(status().isForbidden());
        verify(intake, never()).accept(any());
    }
}
