package org.wayfarer.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wayfarer.admin.WayfarerApplication;
import org.wayfarer.admin.security.ApiKey;
import org.wayfarer.admin.security.ApiKeyStore;
import org.wayfarer.admin.security.ApiKeys;
import org.wayfarer.admin.security.Role;
import org.wayfarer.admin.tenant.TenantStore;

/**
 * {@code POST /api/v1/journeys/{id}/preview} on the whole server with a private H2 database: the abandoned-cart draft
 * previewed under the tenant's quiet hours answers its path and messages, and not one row of any table changes. Bad
 * requests are 400 problems naming each field, another tenant's journey is 404, a viewer may not preview.
 */
@SpringBootTest(classes = WayfarerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:preview-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1",
        "wayfarer.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "wayfarer.admin.bootstrap-key=" + JourneyPreviewIT.ADMIN_KEY})
@AutoConfigureMockMvc
class JourneyPreviewIT {

    static final String ADMIN_KEY = "wf_preview-it-admin-key-of-tenant-a";
    private static final String VIEWER_KEY = "wf_preview-it-viewer-key-of-tenant-a";
    private static final String OTHER_KEY = "wf_preview-it-admin-key-of-tenant-b";
    private static final long TENANT_A = 1;
    private static final long TENANT_B = 2;
    /** Every table a run of a journey writes to, and those an event's intake writes to. */
    private static final List<String> TABLES = List.of("journey_instance", "journey_step", "journey_counter",
            "outbox", "contact", "contact_identity", "contact_tag", "contact_event", "journey_version",
            "segment_member");
    private static final String CART = """
            {"key": "cart-%s", "name": "Abandoned cart",
             "trigger": {"event": "custom.cart_abandoned"}, "start": "cart",
             "nodes": {
               "cart":   {"type": "waitFor", "event": "custom.order_paid", "timeout": "PT1H",
                          "next": "thanks", "timeoutNext": "coupon"},
               "thanks": {"type": "send", "channel": "wechat.template",
                          "message": {"templateId": "TPL_THANKS",
                                      "data": {"thing1": "{{waited.cart.orderId}}", "thing2": "{{event.sku}}"}},
                          "next": "done"},
               "coupon": {"type": "send", "channel": "wechat.template",
                          "message": {"templateId": "TPL_COUPON",
                                      "data": {"thing1": "{{contact.attributes.name}}", "thing2": "{{event.sku}}"}},
                          "next": "done"},
               "done":   {"type": "exit"}
             }}""";
    private static final String ABANDONED_LATE = """
            {"contact": {"attributes": {"name": "王芳"}, "tags": ["vip"]},
             "events": [{"type": "custom.cart_abandoned", "at": "2026-03-02T22:50:00+08:00",
                         "properties": {"sku": "SKU-1"}}]}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TenantStore tenants;
    @Autowired
    private ApiKeyStore keys;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void tenantsAndQuietHours() throws Exception {
        if (!keys.anyForTenant(TENANT_B)) {
            Instant now = Instant.parse("2026-03-01T08:00:00Z");
            tenants.createIfAbsent(TENANT_B, "tenant b", now);
            keys.insert(new ApiKey(9_102, TENANT_B, "tenant b admin", "", ApiKeys.hash(OTHER_KEY), Role.ADMIN, now,
                    null));
            keys.insert(new ApiKey(9_101, TENANT_A, "tenant a viewer", "", ApiKeys.hash(VIEWER_KEY), Role.VIEWER,
                    now, null));
        }
        as(ADMIN_KEY, put("/api/v1/settings/quiet-hours"), "{\"from\": \"21:30\", \"to\": \"08:30\"}")
                .andExpect(status().isOk());
    }

    @Test
    void answersThePathAndTheDeferredCouponAndPersistsNothing() throws Exception {
        String id = create("a");
        Map<String, Long> before = rowCounts();

        as(ADMIN_KEY, post("/api/v1/journeys/" + id + "/preview"), ABANDONED_LATE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path[*].outcome").value(contains("ENTERED", "WAITING_FOR", "TIMED_OUT",
                        "SEND_DEFERRED", "COMPLETED")))
                .andExpect(jsonPath("$.path[*].node").value(contains("cart", "cart", "cart", "coupon", "done")))
                .andExpect(jsonPath("$.path[0].at").value("2026-03-02T14:50:00Z"))
                .andExpect(jsonPath("$.path[2].at").value("2026-03-02T15:50:00Z"))
                .andExpect(jsonPath("$.messages", hasSize(1)))
                .andExpect(jsonPath("$.messages[0].node").value("coupon"))
                .andExpect(jsonPath("$.messages[0].channel").value("wechat.template"))
                .andExpect(jsonPath("$.messages[0].dueAt").value("2026-03-02T15:50:00Z"))
                .andExpect(jsonPath("$.messages[0].at").value("2026-03-03T00:30:00Z"))
                .andExpect(jsonPath("$.messages[0].deferred").value(true))
                .andExpect(jsonPath("$.messages[0].message.data.thing1").value("王芳"))
                .andExpect(jsonPath("$.messages[0].message.data.thing2").value("SKU-1"))
                .andExpect(jsonPath("$.ended.status").value("COMPLETED"))
                .andExpect(jsonPath("$.ended.reason").value("exit-node"))
                .andExpect(jsonPath("$.waiting").doesNotExist());

        assertThat(rowCounts()).isEqualTo(before);
        as(ADMIN_KEY, get("/api/v1/journeys/" + id), null)
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void theOrderPaidWithinTheHourIsThankedAndAnswersWhereAShortPreviewStillWaits() throws Exception {
        String id = create("b");

        as(ADMIN_KEY, post("/api/v1/journeys/" + id + "/preview"), """
                {"contact": {"attributes": {}},
                 "events": [{"type": "custom.cart_abandoned", "at": "2026-03-02T02:00:00Z"},
                            {"type": "custom.order_paid", "at": "2026-03-02T02:30:00Z",
                             "properties": {"orderId": "O-9"}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path[*].outcome").value(contains("ENTERED", "WAITING_FOR", "EVENT_ARRIVED",
                        "SEND_QUEUED", "COMPLETED")))
                .andExpect(jsonPath("$.messages[0].message.data.thing1").value("O-9"))
                .andExpect(jsonPath("$.messages[0].at").value("2026-03-02T02:30:00Z"));
        as(ADMIN_KEY, post("/api/v1/journeys/" + id + "/preview"), """
                {"contact": {}, "until": "2026-03-02T02:10:00Z",
                 "events": [{"type": "custom.cart_abandoned", "at": "2026-03-02T02:00:00Z"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ended").doesNotExist())
                .andExpect(jsonPath("$.waiting.node").value("cart"))
                .andExpect(jsonPath("$.waiting.wakeAt").value("2026-03-02T03:00:00Z"))
                .andExpect(jsonPath("$.until").value("2026-03-02T02:10:00Z"));
    }

    @Test
    void rejectsABadRequestWithEveryProblemAndItsPointer() throws Exception {
        String id = create("c");

        as(ADMIN_KEY, post("/api/v1/journeys/" + id + "/preview"), """
                {"events": [{"type": "Cart Abandoned", "at": "yesterday"},
                            {"type": "custom.order_paid"}],
                 "until": "2028-01-01T00:00:00Z", "colour": "red"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].pointer").value(containsInAnyOrder("/colour", "/contact",
                        "/events/0/type", "/events/0/at", "/events/1/at")))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/events/0/at')].code").value(contains(
                        "invalid-instant")));
        as(ADMIN_KEY, post("/api/v1/journeys/" + id + "/preview"), """
                {"contact": {"attributes": {"name": null}},
                 "events": [{"type": "custom.cart_abandoned", "at": "2026-03-02T02:00:00Z"}],
                 "until": "2027-03-04T02:00:00Z", "webhooks": {"crm": {"status": 99}}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer").value(containsInAnyOrder("/contact/attributes/name",
                        "/until", "/webhooks/crm/status")))
                .andExpect(jsonPath("$.errors[?(@.pointer == '/until')].message").value(contains(
                        "may be at most 366 days after the first event (2026-03-02T02:00:00Z), i.e. at most "
                                + "2027-03-03T02:00:00Z.")));
    }

    @Test
    void rejectsMoreThanAHundredEvents() throws Exception {
        String id = create("d");
        String events = IntStream.range(0, 101)
                .mapToObj(i -> "{\"type\": \"custom.viewed\", \"at\": \"2026-03-02T02:00:00Z\"}")
                .collect(Collectors.joining(", "));

        as(ADMIN_KEY, post("/api/v1/journeys/" + id + "/preview"),
                "{\"contact\": {}, \"events\": [" + events + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/events"))
                .andExpect(jsonPath("$.errors[0].code").value("too-many-events"));
    }

    @Test
    void anotherTenantsOrAnUnknownJourneyIsNotFoundAndAViewerMayNotPreview() throws Exception {
        String id = create("e");

        as(OTHER_KEY, post("/api/v1/journeys/" + id + "/preview"), ABANDONED_LATE)
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No journey " + id + "."));
        as(ADMIN_KEY, post("/api/v1/journeys/4242/preview"), ABANDONED_LATE)
                .andExpect(status().isNotFound());
        as(VIEWER_KEY, post("/api/v1/journeys/" + id + "/preview"), ABANDONED_LATE)
                .andExpect(status().isForbidden());
    }

    private String create(String suffix) throws Exception {
        return JsonPath.read(as(ADMIN_KEY, post("/api/v1/journeys"), CART.formatted(suffix))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private ResultActions as(String key, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
