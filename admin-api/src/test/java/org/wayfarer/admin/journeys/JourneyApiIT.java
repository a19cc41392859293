package org.wayfarer.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.stats.CounterDelta;

/**
 * The journey endpoints with the real catalog and statistics on in-memory ports, behind the real security. The
 * compiler is the stub (see StubCompilerConfiguration); JourneyCompilerFlowIT repeats the main flow with the real one.
 */
@AdminApiTest
class JourneyApiIT {

    private static final String WELCOME = """
            {
              "key": "store-welcome",
              "name": "Welcome followers",
              "trigger": {"event": "wechat.followed"},
              "start": "welcome",
              "nodes": {
                "welcome": {"type": "send", "next": "done"},
                "done": {"type": "exit"}
              }
            }""";
    private static final String WELCOME_EDITED = WELCOME.replace("Welcome followers", "Welcome new followers")
            .replace("wechat.followed", "wechat.qr_scanned");
    private static final String BROKEN = """
            {"key": "broken", "start": "nowhere", "nodes": {"a": {"next": "b"}}}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    @Test
    void createsDraftAndAnswersItsLocationWithIdAsString() throws Exception {
        String body = create(WELCOME)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(Long.toString(InMemoryEngine.FIRST_ID)))
                .andExpect(jsonPath("$.key").value("store-welcome"))
                .andExpect(jsonPath("$.name").value("Welcome followers"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(header().string(HttpHeaders.LOCATION,
                        "http://localhost/api/v1/journeys/" + InMemoryEngine.FIRST_ID))
                .andReturn().getResponse().getContentAsString();

        assertThat(engine.journeys.find(TestKeys.TENANT, InMemoryEngine.FIRST_ID).orElseThrow().draftJson())
                .as("stored exactly as sent").isEqualTo(WELCOME);
        assertThat(body).contains("\"id\":\"7243519830371356672\"");
    }

    @Test
    void keepsChineseTextIntactWithoutACharsetParameter() throws Exception {
        String chinese = WELCOME.replace("Welcome followers", "欢迎门店扫码关注的粉丝");

        String id = idOf(mvc.perform(post("/api/v1/journeys")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType("application/json").content(chinese.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()));

        assertThat(engine.journeys.find(TestKeys.TENANT, Long.parseLong(id)).orElseThrow().name())
                .isEqualTo("欢迎门店扫码关注的粉丝");
        byte[] read = mvc.perform(get("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION,
                        bearer(TestKeys.VIEWER)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(read, StandardCharsets.UTF_8)).contains("\"name\":\"欢迎门店扫码关注的粉丝\"");
    }

    @Test
    void rejectsInvalidDefinitionWithEveryErrorAsProblem() throws Exception {
        create(BROKEN)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid journey definition"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[*].pointer").value(containsInAnyOrder(
                        "/trigger/event", "/nodes/a/next", "/start")))
                .andExpect(jsonPath("$.errors[0].code").exists())
                .andExpect(jsonPath("$.errors[0].message").exists());
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    @Test
    void rejectsMalformedJsonAs400() throws Exception {
        create("{\"key\": \"oops\",")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].pointer").value(""));
    }

    @Test
    void rejectsMissingBodyAs400() throws Exception {
        mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesSecondJourneyWithSameKeyAs409() throws Exception {
        create(WELCOME).andExpect(status().isCreated());

        create(WELCOME)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("store-welcome")));
    }

    @Test
    void validatesWithoutSaving() throws Exception {
        mvc.perform(post("/api/v1/journeys/validate").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(WELCOME))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.errors", hasSize(0)))
                .andExpect(jsonPath("$.warnings[0].pointer").value("/goal"));
        mvc.perform(post("/api/v1/journeys/validate").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(BROKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors", hasSize(3)));
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    @Test
    void listsAndReadsJourneysWithTheirDefinition() throws Exception {
        String id = idOf(create(WELCOME));

        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].definition").doesNotExist());
        mvc.perform(get("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.hasUnpublishedChanges").value(false))
                .andExpect(jsonPath("$.definition.trigger.event").value("wechat.followed"))
                .andExpect(jsonPath("$.definition.nodes.welcome.next").value("done"))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T08:00:00Z"));
    }

    @Test
    void hidesOtherTenantsJourneysAs404() throws Exception {
        String id = idOf(create(WELCOME));
        String other = bearer(TestKeys.OTHER_TENANT_ADMIN);

        mvc.perform(get("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(put("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, other)
                        .contentType(MediaType.APPLICATION_JSON).content(WELCOME_EDITED))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/journeys/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, other))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void rejectsNonNumericIdAs400() throws Exception {
        mvc.perform(get("/api/v1/journeys/welcome").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void replacesDraftButNotTheKey() throws Exception {
        String id = idOf(create(WELCOME));
        engine.clock.advance(Duration.ofMinutes(10));

        mvc.perform(put("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(WELCOME_EDITED))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Welcome new followers"))
                .andExpect(jsonPath("$.definition.trigger.event").value("wechat.qr_scanned"))
                .andExpect(jsonPath("$.updatedAt").value("2026-03-01T08:10:00Z"));

        mvc.perform(put("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(WELCOME.replace("store-welcome", "renamed")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].pointer").value("/key"))
                .andExpect(jsonPath("$.errors[0].code").value("key-changed"));
    }

    @Test
    void publishesDraftAsNextVersion() throws Exception {
        String id = idOf(create(WELCOME));

        publish(id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(put("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(WELCOME_EDITED))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.hasUnpublishedChanges").value(true));
        publish(id).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.hasUnpublishedChanges").value(false));

        List<PublishedVersion> versions = engine.journeys.versions();
        assertThat(versions).extracting(PublishedVersion::version).containsExactly(1, 2);
        assertThat(versions).extracting(PublishedVersion::accepting).containsExactly(false, true);
        assertThat(versions.get(1).triggerEvent()).isEqualTo("wechat.qr_scanned");
        assertThat(versions.get(1).definitionJson()).isEqualTo(WELCOME_EDITED);
        mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(WELCOME.replace("store-welcome", "second")))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void answersStatsOfAJourney() throws Exception {
        String id = idOf(create(WELCOME));
        long journeyId = Long.parseLong(id);
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        engine.counters.increment(List.of(
                new CounterDelta(TestKeys.TENANT, journeyId, 1, "", "entered", t0, 5),
                new CounterDelta(TestKeys.TENANT, journeyId, 1, "", "entered", t0.plus(Duration.ofDays(2)), 2),
                new CounterDelta(TestKeys.TENANT, journeyId, 1, "", "completed", t0, 3),
                new CounterDelta(TestKeys.TENANT, journeyId, 1, "", "exited", t0, 1),
                new CounterDelta(TestKeys.TENANT, journeyId, 1, "", "failed", t0, 1),
                new CounterDelta(TestKeys.TENANT, journeyId, 1, "welcome", "entered", t0, 5)));
        engine.instances.insert(instance(1, journeyId, InstanceStatus.WAITING));
        engine.instances.insert(instance(2, journeyId, InstanceStatus.COMPLETED));
        engine.instances.insert(instance(3, journeyId, InstanceStatus.FAILED));

        mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION,
                        bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.journeyId").value(id))
                .andExpect(jsonPath("$.entered").value(7))
                .andExpect(jsonPath("$.active").value(1))
                .andExpect(jsonPath("$.completed").value(3))
                .andExpect(jsonPath("$.exited").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.nodes.welcome.entered").value(5))
                .andExpect(jsonPath("$.nodes", not(hasKey(""))));
        mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION,
                                bearer(TestKeys.VIEWER))
                        .param("from", "2026-03-02T00:00:00Z").param("to", "2026-03-04T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03-02T00:00:00Z"))
                .andExpect(jsonPath("$.entered").value(2))
                .andExpect(jsonPath("$.completed").value(0))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.active").value(1));
    }

    @Test
    void rejectsBadStatsWindowAs400() throws Exception {
        String id = idOf(create(WELCOME));
        String viewer = bearer(TestKeys.VIEWER);

        mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION, viewer)
                        .param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION, viewer)
                        .param("from", "2026-03-04T00:00:00Z").param("to", "2026-03-02T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'from' must not be after 'to'."));
    }

    @Test
    void rejectsStatsBoundsOutsideTheInstantsTheApiTakesAs400() throws Exception {
        String id = idOf(create(WELCOME));
        String viewer = bearer(TestKeys.VIEWER);

        for (String[] bound : new String[][] {{"from", "+999999999-01-01T00:00:00Z"}, {"to", "+10000-01-01T00:00:00Z"},
            {"from", "-999999999-01-01T00:00:00Z"}, {"to", "1969-12-31T23:59:59Z"}}) {
            mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION, viewer)
                            .param(bound[0], bound[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("'" + bound[0] + "' must be")))
                    .andExpect(jsonPath("$.detail").value(containsString("1970-01-01T00:00:00Z")));
        }
        for (String garbage : new String[] {"+1000000001-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "9".repeat(40)}) {
            mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION, viewer)
                            .param("to", garbage))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void answersConflictWhenSomeoneElseChangedTheJourney() throws Exception {
        String id = idOf(create(WELCOME));
        engine.journeys.beforeEachCall(call -> {
            throw new StaleDataException("journey changed");
        });

        publish(id)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("retry")));
    }

    @Test
    void hidesInternalsOfUnexpectedFailures() throws Exception {
        engine.journeys.beforeEachCall(call -> {
            throw new IllegalStateException("connection to db-7.internal refused");
        });

        String body = mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("db-7", "IllegalStateException", "at org.");
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions publish(String id) throws Exception {
        return mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)));
    }

    private static String idOf(ResultActions created) throws Exception {
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static JourneyInstance instance(long id, long journeyId, InstanceStatus status) {
        Instant t = Instant.parse("2026-03-01T08:00:00Z");
        return new JourneyInstance(id, TestKeys.TENANT, journeyId, 1, 100 + id, "ONCE:", 1, status, "welcome", 1,
                null, t, t, null, null, 0);
    }
}
