package org.wayfarer.admin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;

/** Listing events that gave up, and re-queueing one: tenant-scoped, paginated, role-checked. */
@AdminApiTest
class FailedEventApiIT {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void reset() {
        engine.clear();
    }

    @Test
    void listsTheTenantsFailedEventsNewestFirstWithoutTheirPropertiesAndPages() throws Exception {
        failed(101, TestKeys.TENANT, "custom.order_paid");
        failed(102, TestKeys.TENANT, "custom.cart_added");
        failed(103, TestKeys.OTHER_TENANT, "custom.cart_added");

        mvc.perform(get("/api/v1/events/failed?limit=1").header("Authorization", bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].eventId").value("102"))
                .andExpect(jsonPath("$.items[0].type").value("custom.cart_added"))
                .andExpect(jsonPath("$.items[0].status").value("FAILED"))
                .andExpect(jsonPath("$.items[0].attempts").value(1))
                .andExpect(jsonPath("$.items[0].lastError").value("IllegalStateException: boom"))
                .andExpect(jsonPath("$.items[0].properties").doesNotExist())
                .andExpect(jsonPath("$.nextCursor").value("102"));
        mvc.perform(get("/api/v1/events/failed?limit=1&cursor=102").header("Authorization", bearer(TestKeys.VIEWER)))
                .andExpect(jsonPath("$.items[0].eventId").value("101"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void retryRequeuesTheEventAndSignalsItsPartition() throws Exception {
        failed(201, TestKeys.TENANT, "custom.order_paid");

        mvc.perform(post("/api/v1/events/201/retry").header("Authorization", bearer(TestKeys.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(0));

        assertThat(engine.events.find(201).orElseThrow().status()).isEqualTo(EventStatus.PENDING);
        assertThat(engine.signalled).singleElement().satisfies(s -> assertThat(s).containsExactly(201, 3));
        mvc.perform(post("/api/v1/events/201/retry").header("Authorization", bearer(TestKeys.OPERATOR)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherTenantsEventIsNotFoundAndViewersCannotRetry() throws Exception {
        failed(301, TestKeys.TENANT, "custom.order_paid");

        mvc.perform(post("/api/v1/events/301/retry").header("Authorization", bearer(TestKeys.OTHER_TENANT_ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/events/301/retry").header("Authorization", bearer(TestKeys.VIEWER)))
                .andExpect(status().isForbidden());
        assertThat(engine.events.find(301).orElseThrow().status()).isEqualTo(EventStatus.FAILED);
    }

    @Test
    void refusesBadCursorsLimitsAndIdsWithProblems() throws Exception {
        for (String path : List.of("/api/v1/events/failed?cursor=abc", "/api/v1/events/failed?limit=0",
                "/api/v1/events/failed?limit=201", "/api/v1/events/failed?cursor=-5")) {
            mvc.perform(get(path).header("Authorization", bearer(TestKeys.VIEWER)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/events/x1/retry").header("Authorization", bearer(TestKeys.OPERATOR)))
                .andExpect(status().isBadRequest());
    }

    private void failed(long id, long tenant, String type) {
        ContactEvent event = new ContactEvent(tenant, "api", "k-" + id, type, Identity.unionid("u-" + id), null, T0,
                Map.of("secret", "not shown"), Map.of());
        engine.events.append(new EventLog.NewEvent(id, event, 900 + id, 3), T0);
        engine.events.markFailed(id, "IllegalStateException: boom", null, T0);
    }
}
