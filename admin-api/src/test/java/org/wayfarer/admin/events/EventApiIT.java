package org.wayfarer.admin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;

/** The event intake endpoint: what it hands to the engine, idempotency by id, and what it refuses. */
@AdminApiTest
class EventApiIT {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventIntake intake;

    @Test
    void recordsAMemberSyncForTheCallersTenantWithItsIdAsDedupeKey() throws Exception {
        when(intake.accept(any())).thenReturn(new IntakeResult.Accepted(42L));

        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type": "contact.updated", "id": "crm-1",
                                 "identity": {"appId": "wx1234567890abcdef", "openid": "o-alice"},
                                 "occurredAt": "2026-03-01T09:00:00Z",
                                 "properties": {"source": "crm"}, "attributes": {"name": "王小明", "level": 3}}
                                """))
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
        assertThat(event.identity()).isEqualTo(Identity.wechatOpenid("wx1234567890abcdef", "o-alice"));
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
    void viewersMayNotRecordEvents() throws Exception {
        mvc.perform(post("/api/v1/events").header("Authorization", bearer(TestKeys.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"custom.order_paid\",\"identity\":{\"unionid\":\"u-1\"}}"))
                .andExpect(status().isForbidden());
        verify(intake, never()).accept(any());
    }
}
