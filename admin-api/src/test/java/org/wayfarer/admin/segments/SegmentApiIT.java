package org.wayfarer.admin.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;

/** The segment endpoints with the real services on in-memory ports, behind the real security. */
@AdminApiTest
class SegmentApiIT {

    private static final String GOLD = """
            {"key": "gold", "name": "Gold members",
             "filter": {"all": [{"attribute": "level", "op": "eq", "value": "gold"}]}}""";
    private static final String BUYERS = """
            {"key": "buyers", "name": "Ordered in the last 30 days",
             "filter": {"any": [{"event": "custom.order_paid", "within": "P30D"}, {"tag": "vip", "extra": 1}]}}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;
    @Autowired
    private EventIntake intake;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    @Test
    void createsASegmentAndAnswersItWithItsLocation() throws Exception {
        create(TestKeys.OPERATOR, GOLD)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost/api/v1/segments/gold"))
                .andExpect(jsonPath("$.key").value("gold"))
                .andExpect(jsonPath("$.name").value("Gold members"))
                .andExpect(jsonPath("$.filter.all[0].attribute").value("level"))
                .andExpect(jsonPath("$.filter.all[0].op").value("eq"))
                .andExpect(jsonPath("$.filter.all[0].value").value("gold"))
                .andExpect(jsonPath("$.*", hasSize(3)));
        assertThat(engine.segments.find(TestKeys.TENANT, "gold")).isPresent();
        create(TestKeys.ADMIN, GOLD.replace("\"gold\", \"name\"", "\"gold-2\", \"name\"")).andExpect(status().isCreated());
    }

    @Test
    void refusesAnInvalidSegmentListingEveryProblemWithItsPointer() throws Exception {
        create(TestKeys.OPERATOR, """
                {"key": "Gold Members", "filter": {"all": [
                   {"attribute": "level", "op": "like", "value": "gold"},
                   {"event": "custom.order_paid", "within": "P1M", "min": 3, "max": 1},
                   {"tag": ""}]}}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid segment"))
                .andExpect(jsonPath("$.detail").value("The segment has 6 problem(s); see 'errors'."))
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/key", "/name",
                        "/filter/all/0/op", "/filter/all/1/within", "/filter/all/1/max", "/filter/all/2/tag")))
                .andExpect(jsonPath("$.errors[0].code").value("bad-key"))
                .andExpect(jsonPath("$.errors[1].code").value("missing-field"))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("eq, ne, gt")))
                .andExpect(jsonPath("$.errors[*].message").value(not(hasItem(
                        containsString("like")))));
        create(TestKeys.OPERATOR, BUYERS)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/filter/any/1/extra"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
        create(TestKeys.OPERATOR, "[1, 2]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value(""));
        create(TestKeys.OPERATOR, "{\"key\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(engine.segments.list(TestKeys.TENANT, 0, 10)).isEmpty();
    }

    @Test
    void refusesATakenKeyAs409ButAnotherTenantMayUseIt() throws Exception {
        create(TestKeys.OPERATOR, GOLD).andExpect(status().isCreated());

        create(TestKeys.OPERATOR, GOLD)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("'gold' already exists")));
        create(TestKeys.OTHER_TENANT_ADMIN, GOLD).andExpect(status().isCreated());
    }

    @Test
    void readsASegmentOfItsOwnTenantOnly() throws Exception {
        create(TestKeys.OPERATOR, GOLD).andExpect(status().isCreated());

        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments/gold")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("gold"))
                .andExpect(jsonPath("$.name").value("Gold members"))
                .andExpect(jsonPath("$.filter.all[0].value").value("gold"));
        mvc.perform(as(TestKeys.OTHER_TENANT_ADMIN, get("/api/v1/segments/gold")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No segment with this key."));
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments/nope"))).andExpect(status().isNotFound());
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments/GOLD"))).andExpect(status().isNotFound());
    }

    @Test
    void listsInPagesWithACursor() throws Exception {
        for (String key : List.of("a", "b", "c")) {
            create(TestKeys.OPERATOR, GOLD.replace("\"gold\", \"name\"", "\"" + key + "\", \"name\""))
                    .andExpect(status().isCreated());
        }

        String first = mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments").param("limit", "2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].key").value(contains("a", "b")))
                .andExpect(jsonPath("$.items[0].filter.all[0].attribute").value("level"))
                .andExpect(jsonPath("$.nextCursor").isString())
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(first, "$.nextCursor");
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments").param("limit", "2").param("cursor", cursor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].key").value(contains("c")))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments")))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(as(TestKeys.OTHER_TENANT_ADMIN, get("/api/v1/segments")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments").param("limit", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'limit' must be between 1 and 200."));
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments").param("cursor", "x")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void countsTheContactsTheFilterSelectsNow() throws Exception {
        long a = contact(TestKeys.TENANT, Map.of("level", "gold"));
        contact(TestKeys.TENANT, Map.of("level", "silver"));
        contact(TestKeys.OTHER_TENANT, Map.of("level", "gold"));
        order(a, engine.clock.instant().minus(Duration.ofDays(10)));
        create(TestKeys.OPERATOR, GOLD).andExpect(status().isCreated());
        create(TestKeys.OPERATOR, BUYERS.replace(", \"extra\": 1", "")).andExpect(status().isCreated());

        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments/gold/count")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("gold"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.*", hasSize(2)));
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments/buyers/count")))
                .andExpect(jsonPath("$.count").value(1));
        engine.clock.advance(Duration.ofDays(21));
        mvc.perform(as(TestKeys.VIEWER, get("/api/v1/segments/buyers/count")))
                .andExpect(jsonPath("$.count").value(0));
        mvc.perform(as(TestKeys.OTHER_TENANT_ADMIN, get("/api/v1/segments/buyers/count")))
                .andExpect(status().isNotFound());
    }

    @Test
    void refreshAnswers202AndRecordsAnEventPerChange() throws Exception {
        when(intake.accept(any())).thenReturn(new IntakeResult.Accepted(1));
        long a = contact(TestKeys.TENANT, Map.of("level", "gold"));
        create(TestKeys.OPERATOR, GOLD).andExpect(status().isCreated());

        mvc.perform(as(TestKeys.OPERATOR, post("/api/v1/segments/gold/refresh")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.key").value("gold"))
                .andExpect(jsonPath("$.members").value(1))
                .andExpect(jsonPath("$.entered").value(1))
                .andExpect(jsonPath("$.exited").value(0));
        ArgumentCaptor<ContactEvent> event = ArgumentCaptor.forClass(ContactEvent.class);
        verify(intake, times(1)).accept(event.capture());
        assertThat(event.getValue().type()).isEqualTo("segment.entered");
        assertThat(event.getValue().properties()).isEqualTo(Map.of("segment", "gold"));
        assertThat(event.getValue().dedupeKey()).contains(":" + a + ":entered:1");

        mvc.perform(as(TestKeys.ADMIN, post("/api/v1/segments/gold/refresh")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.entered").value(0));
        mvc.perform(as(TestKeys.OTHER_TENANT_ADMIN, post("/api/v1/segments/gold/refresh")))
                .andExpect(status().isNotFound());
    }

    @Test
    void viewersReadButNeverWriteAndEveryCallNeedsAKey() throws Exception {
        create(TestKeys.OPERATOR, GOLD).andExpect(status().isCreated());

        create(TestKeys.VIEWER, GOLD.replace("\"gold\", \"name\"", "\"other\", \"name\""))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("A VIEWER key may not POST /api/v1/segments."));
        mvc.perform(as(TestKeys.VIEWER, post("/api/v1/segments/gold/refresh"))).andExpect(status().isForbidden());
        for (String path : List.of("/api/v1/segments", "/api/v1/segments/gold", "/api/v1/segments/gold/count")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.REVOKED_ADMIN)))
                    .andExpect(status().isUnauthorized());
            mvc.perform(as(TestKeys.VIEWER, get(path))).andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/segments").contentType(MediaType.APPLICATION_JSON).content(GOLD))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/segments/gold/refresh")).andExpect(status().isUnauthorized());
        assertThat(engine.segments.list(TestKeys.TENANT, 0, 10)).hasSize(1);
    }

    private ResultActions create(String key, String body) throws Exception {
        return mvc.perform(as(key, post("/api/v1/segments")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static MockHttpServletRequestBuilder as(String key, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(key));
    }

    private long contact(long tenantId, Map<String, Object> attributes) {
        long id = engine.ids.nextId();
        Instant now = engine.clock.instant();
        engine.contacts.insertAll(List.of(new Contact(id, tenantId, attributes, now, now, 0)),
                List.of(new ContactStore.NewIdentity(tenantId, id, Identity.wechatOpenid("wx1234567890abcdef",
                        "o" + id))), now);
        return id;
    }

    private void order(long contactId, Instant at) {
        engine.events.appendAll(List.of(new EventLog.NewEvent(engine.ids.nextId(), new ContactEvent(TestKeys.TENANT,
                "api", "order-" + contactId, "custom.order_paid", Identity.wechatOpenid("wx1234567890abcdef",
                "o" + contactId), null, at, Map.of(), Map.of()), contactId, 0)), at);
    }
}
