package org.wayfarer.admin.analytics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import com.jayway.jsonpath.JsonPath;
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
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.runtime.EntryDecision;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.stats.CounterDelta;

/**
 * The analytics endpoints (stats per version and per day, funnels, who is at a node, a contact's journeys with why
 * not) with the real services on in-memory ports, behind the real security.
 */
@AdminApiTest
class AnalyticsApiIT {

    private static final String CART = """
            {"key": "cart", "name": "Abandoned cart", "trigger": {"event": "custom.cart"},
             "start": "welcome",
             "nodes": {"welcome": {"type": "send", "next": "cart"},
                       "cart": {"type": "waitFor", "event": "custom.paid", "timeout": "PT1H",
                                "next": "done", "timeoutNext": "split"},
                       "split": {"type": "split", "paths": [{"name": "A", "weight": 50, "next": "done"},
                                                            {"name": "B", "weight": 50, "next": "done"}]},
                       "done": {"type": "exit"}}}""";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final long ALICE = 7_243_519_830_371_000_001L;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    private String id;
    private long journeyId;

    @BeforeEach
    void journey() throws Exception {
        engine.clear();
        id = JsonPath.read(mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION,
                        bearer(TestKeys.OPERATOR)).contentType(MediaType.APPLICATION_JSON).content(CART))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        journeyId = Long.parseLong(id);
        mvc.perform(post("/api/v1/journeys/" + id + "/publish").header(HttpHeaders.AUTHORIZATION,
                bearer(TestKeys.OPERATOR))).andExpect(status().isOk());
    }

    @Test
    void statsOfOneVersionBalanceAndShowGoalsPathsAndWaiting() throws Exception {
        engine.counters.increment(List.of(delta(1, "", "entered", T0, 4), delta(1, "", "completed", T0, 1),
                delta(1, "", "migrated_out", T0, 2), delta(2, "", "migrated_in", T0, 2),
                delta(2, "", "entered", T0, 2), delta(2, "", "goal", T0, 1), delta(2, "", "completed", T0, 1),
                delta(2, "", "exited", T0, 1), delta(2, "cart", "entered", T0, 4), delta(2, "cart", "exited", T0, 1),
                delta(2, "split", "path:A", T0, 1)));
        engine.instances.insert(instance(1, 1, "cart", InstanceStatus.WAITING));
        engine.instances.insert(instance(2, 2, "cart", InstanceStatus.WAITING));
        engine.instances.insert(instance(3, 2, "cart", InstanceStatus.WAITING));

        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/stats").param("version", "2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.entered").value(2))
                .andExpect(jsonPath("$.migratedIn").value(2))
                .andExpect(jsonPath("$.active").value(2))
                .andExpect(jsonPath("$.completed").value(1))
                .andExpect(jsonPath("$.exited").value(1))
                .andExpect(jsonPath("$.goal").value(1))
                .andExpect(jsonPath("$.goalRate").value(0.5))
                .andExpect(jsonPath("$.nodes.cart.entered").value(4))
                .andExpect(jsonPath("$.nodes.cart.waiting").value(2))
                .andExpect(jsonPath("$.nodes.cart.exited").value(1))
                .andExpect(jsonPath("$.paths.split.A").value(1))
                .andExpect(jsonPath("$.days", hasSize(0)));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/stats").param("version", "1")))
                .andExpect(jsonPath("$.entered").value(4))
                .andExpect(jsonPath("$.active").value(1))
                .andExpect(jsonPath("$.migratedOut").value(2));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/stats")))
                .andExpect(jsonPath("$.entered").value(6))
                .andExpect(jsonPath("$.active").value(3))
                .andExpect(jsonPath("$.version").value(nullValue()));
    }

    @Test
    void aDailySeriesCountsLocalDays() throws Exception {
        engine.counters.increment(List.of(delta(1, "", "entered", Instant.parse("2026-03-01T15:00:00Z"), 2),
                delta(1, "", "entered", Instant.parse("2026-03-01T16:00:00Z"), 3)));

        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/stats").param("by", "day")
                        .param("from", "2026-03-01").param("to", "2026-03-02").param("zone", "Asia/Shanghai")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-02-28T16:00:00Z"))
                .andExpect(jsonPath("$.to").value("2026-03-02T16:00:00Z"))
                .andExpect(jsonPath("$.entered").value(5))
                .andExpect(jsonPath("$.days", hasSize(2)))
                .andExpect(jsonPath("$.days[0].day").value("2026-03-01"))
                .andExpect(jsonPath("$.days[0].entered").value(2))
                .andExpect(jsonPath("$.days[1].entered").value(3));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/stats").param("by", "day")
                        .param("from", "2026-03-01").param("to", "2026-03-01").param("zone", "UTC")))
                .andExpect(jsonPath("$.days", hasSize(1)))
                .andExpect(jsonPath("$.days[0].entered").value(5));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/stats").param("from", "2026-03-02")))
                .andExpect(jsonPath("$.from").value("2026-03-01T16:00:00Z"))
                .andExpect(jsonPath("$.entered").value(3));
    }

    @Test
    void rejectsAnalyticsParametersThatMakeNoSense() throws Exception {
        String stats = "/api/v1/journeys/" + id + "/stats";
        assertProblem(get(stats).param("by", "week"), "'by' must be 'day'.");
        assertProblem(get(stats).param("by", "day").param("from", "2026-03-01T00:00:00Z").param("to", "2026-03-02"),
                "by=day needs 'from' and 'to' as dates");
        assertProblem(get(stats).param("version", "0"), "'version' must be a published version number");
        assertProblem(get(stats).param("zone", "Mars/Olympus"), "'zone' must be an IANA time zone");
        assertProblem(get(stats).param("from", "2026-03-05").param("to", "2026-03-01"),
                "'from' must not be after 'to'.");
        assertProblem(get(stats).param("by", "day").param("from", "2025-01-01").param("to", "2026-03-01"),
                "at most 366 days");
        assertProblem(get(stats).param("from", "2026-02-30"), "'from' must be an ISO-8601 instant");
        String funnel = "/api/v1/journeys/" + id + "/funnel";
        assertProblem(get(funnel).param("nodes", "welcome,,cart"), "'nodes' must be node ids");
        assertProblem(get(funnel).param("nodes", "welcome,nowhere"), "The journey has no node 'nowhere'");
        assertProblem(get(funnel).param("nodes", "welcome,welcome"), "names each node once");
        assertProblem(get(funnel).param("nodes", "a,b,c,d,e,f,g,h,i,j,k"), "1 to 10 nodes");
        String contacts = "/api/v1/journeys/" + id + "/nodes/cart/contacts";
        assertProblem(get(contacts).param("limit", "0"), "'limit' must be between 1 and 500.");
        assertProblem(get(contacts).param("cursor", "abc"), "'cursor' must be the 'nextCursor'");
    }

    @Test
    void aFunnelFollowsContactsFromNodeToNodeInOrder() throws Exception {
        engine.steps.append(List.of(step(1, 11, "welcome", 1), step(1, 11, "cart", 2), step(1, 11, "split", 3),
                step(2, 12, "welcome", 1), step(2, 12, "cart", 2), step(3, 13, "welcome", 1)));

        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/funnel").param("nodes", "welcome, cart,split")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.journeyId").value(id))
                .andExpect(jsonPath("$.stages", hasSize(3)))
                .andExpect(jsonPath("$.stages[0].node").value("welcome"))
                .andExpect(jsonPath("$.stages[0].contacts").value(3))
                .andExpect(jsonPath("$.stages[1].contacts").value(2))
                .andExpect(jsonPath("$.stages[1].ofPrevious").value(2.0 / 3))
                .andExpect(jsonPath("$.stages[2].contacts").value(1))
                .andExpect(jsonPath("$.stages[2].ofPrevious").value(0.5))
                .andExpect(jsonPath("$.stages[2].ofFirst").value(1.0 / 3));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/funnel").param("nodes", "welcome,cart")
                        .param("from", "2026-03-02T00:00:00Z")))
                .andExpect(jsonPath("$.stages[0].contacts").value(0))
                .andExpect(jsonPath("$.stages[1].ofPrevious").value(0));
        mvc.perform(viewer(get("/api/v1/journeys/1/funnel").param("nodes", "welcome")))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsWhoIsAtANodePageByPage() throws Exception {
        for (long i = 1; i <= 3; i++) {
            engine.instances.insert(instance(InMemoryEngine.FIRST_ID + 100 + i, 1, "cart", InstanceStatus.WAITING));
        }
        engine.instances.insert(instance(InMemoryEngine.FIRST_ID + 200, 1, "cart", InstanceStatus.EXITED));
        String first = Long.toString(InMemoryEngine.FIRST_ID + 101);
        String second = Long.toString(InMemoryEngine.FIRST_ID + 102);

        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/nodes/cart/contacts").param("limit", "2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].instanceId").value(first))
                .andExpect(jsonPath("$.items[0].contactId").value(Long.toString(InMemoryEngine.FIRST_ID + 1101)))
                .andExpect(jsonPath("$.items[0].status").value("WAITING"))
                .andExpect(jsonPath("$.items[0].wakeAt").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.nextCursor").value(second));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/nodes/cart/contacts").param("limit", "2")
                        .param("cursor", second)))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
        mvc.perform(viewer(get("/api/v1/journeys/" + id + "/nodes/nowhere/contacts")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The journey has no node 'nowhere'."));
    }

    @Test
    void aContactsJourneysSayWhereItIsAndWhyNotElsewhere() throws Exception {
        engine.contacts.create(TestKeys.TENANT, ALICE, Identity.unionid("u-alice"), Map.of(), T0);
        String other = JsonPath.read(mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION,
                        bearer(TestKeys.OPERATOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(CART.replace("\"cart\", \"name\"", "\"vip\", \"name\"")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/journeys/" + other + "/publish").header(HttpHeaders.AUTHORIZATION,
                bearer(TestKeys.OPERATOR))).andExpect(status().isOk());
        JourneyInstance waiting = new JourneyInstance(InMemoryEngine.FIRST_ID + 500, TestKeys.TENANT, journeyId, 1,
                ALICE, "ONCE:", 1, InstanceStatus.WAITING, "cart", 2, T0.plusSeconds(3_600), T0, T0, null, null, 0);
        engine.instances.insert(waiting);
        engine.decisions.record(List.of(new EntryDecision(TestKeys.TENANT, ALICE, Long.parseLong(other), 1, 99,
                "custom.cart", EntryDecision.Reason.TRIGGER_FILTER_FALSE, "event.total > 100", T0)));

        mvc.perform(viewer(get("/api/v1/contacts/" + ALICE + "/journeys")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instances", hasSize(1)))
                .andExpect(jsonPath("$.instances[0].instanceId").value(Long.toString(waiting.id())))
                .andExpect(jsonPath("$.instances[0].journeyId").value(id))
                .andExpect(jsonPath("$.instances[0].journeyKey").value("cart"))
                .andExpect(jsonPath("$.instances[0].currentNode").value("cart"))
                .andExpect(jsonPath("$.instances[0].status").value("WAITING"))
                .andExpect(jsonPath("$.notEntered", hasSize(1)))
                .andExpect(jsonPath("$.notEntered[0].journeyId").value(other))
                .andExpect(jsonPath("$.notEntered[0].journeyStatus").value("PUBLISHED"))
                .andExpect(jsonPath("$.notEntered[0].reason").value("TRIGGER_FILTER_FALSE"))
                .andExpect(jsonPath("$.notEntered[0].detail").value("event.total > 100"))
                .andExpect(jsonPath("$.notEntered[0].eventId").value("99"));
        mvc.perform(viewer(get("/api/v1/contacts/" + (ALICE + 1) + "/journeys")))
                .andExpect(status().isNotFound());
    }

    private void assertProblem(MockHttpServletRequestBuilder request, String detail) throws Exception {
        mvc.perform(viewer(request))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    private static MockHttpServletRequestBuilder viewer(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER));
    }

    private CounterDelta delta(int version, String node, String metric, Instant at, long amount) {
        return new CounterDelta(TestKeys.TENANT, journeyId, version, node, metric, at, amount);
    }

    private JourneyInstance instance(long instanceId, int version, String node, InstanceStatus status) {
        boolean live = status.isLive();
        return new JourneyInstance(instanceId, TestKeys.TENANT, journeyId, version, instanceId + 1000,
                "EVENT:" + instanceId, 1, status, node, 2, live ? T0.plusSeconds(3_600) : null, T0, T0,
                live ? null : T0, live ? null : "exit-when:custom.left", 0);
    }

    private StepRecord step(long instance, long contact, String node, int seq) {
        return new StepRecord(InMemoryEngine.FIRST_ID + 10_000 + instance * 10 + seq, TestKeys.TENANT, instance,
                journeyId, 1, contact, node, seq, "ADVANCED", null, T0.plusSeconds(seq));
    }
}
