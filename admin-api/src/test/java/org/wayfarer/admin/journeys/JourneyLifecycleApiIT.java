package org.wayfarer.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import com.jayway.jsonpath.JsonPath;
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
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * Publish with a migration, pause, resume, stop and archive, with the real catalog, lifecycle and sweeps on the
 * in-memory ports (two instances a page) behind the real security; the compiler is the stub, the migration check reads
 * the definitions' node types itself.
 */
@AdminApiTest
class JourneyLifecycleApiIT {

    private static final String V1 = """
            {"key": "nudges", "name": "Nudges", "trigger": {"event": "wechat.followed"}, "start": "welcome",
             "nodes": {"welcome": {"type": "send", "next": "wait"},
                       "wait": {"type": "wait", "duration": "PT1H", "next": "done"},
                       "done": {"type": "exit"}}}""";
    private static final String V2 = """
            {"key": "nudges", "name": "Nudges", "trigger": {"event": "wechat.followed"}, "start": "welcome",
             "nodes": {"welcome": {"type": "send", "next": "wait2"},
                       "wait2": {"type": "wait", "duration": "PT2H", "next": "done"},
                       "done": {"type": "exit"}}}""";
    private static final String[] LIFECYCLE = {"pause", "resume", "stop", "archive", "publish"};

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    @Test
    void pausesResumesStopsAndArchivesAnsweringIdStatusAndVersion() throws Exception {
        String id = created(V1);
        action(id, "publish").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));

        action(id, "pause").andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("PAUSED"))
                .andExpect(jsonPath("$.version").value(1));
        read(id).andExpect(jsonPath("$.status").value("PAUSED"));
        action(id, "resume").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        action(id, "stop").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STOPPED")).andExpect(jsonPath("$.version").value(1));
        read(id).andExpect(jsonPath("$.status").value("STOPPED"));
        action(id, "archive").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));

        read(id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));
        String draft = created(V1.replace("nudges", "draft"));
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(draft));
        mvc.perform(get("/api/v1/journeys").param("status", "ARCHIVED")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].status").value("ARCHIVED"));
        mvc.perform(get("/api/v1/journeys").param("status", "DRAFT")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(jsonPath("$[*].id").value(contains(draft)));
        mvc.perform(get("/api/v1/journeys").param("status", "GONE")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        action(draft, "archive").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void refusesTransitionsTheLifecycleDoesNotAllowAs409NamingTheStatus() throws Exception {
        String id = created(V1);
        action(id, "pause").andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.journeyStatus").value("DRAFT"))
                .andExpect(jsonPath("$.detail").value("Journey " + id + " is DRAFT and cannot be paused: it was "
                        + "never published, so nothing runs to pause."));
        action(id, "stop").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("archive it instead")));
        action(id, "publish");
        action(id, "archive").andExpect(status().isConflict())
                .andExpect(jsonPath("$.journeyStatus").value("PUBLISHED"))
                .andExpect(jsonPath("$.detail").value(containsString("is PUBLISHED")))
                .andExpect(jsonPath("$.detail").value(containsString("stop it first")));
        action(id, "resume").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("it is not paused")));
        action(id, "pause");
        action(id, "pause").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already paused")));
        action(id, "archive").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is PAUSED")))
                .andExpect(jsonPath("$.detail").value(containsString("stop it first")));
        action(id, "stop");
        action(id, "resume").andExpect(status().isConflict())
                .andExpect(jsonPath("$.journeyStatus").value("STOPPED"))
                .andExpect(jsonPath("$.detail").value(containsString("publish it to start it again")));
        action(id, "pause").andExpect(status().isConflict());
        action(id, "archive");

        for (String archived : LIFECYCLE) {
            action(id, archived).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.journeyStatus").value("ARCHIVED"))
                    .andExpect(jsonPath("$.detail").value(containsString("is ARCHIVED")));
        }
        mvc.perform(put("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(V2))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("cannot be edited")));
        assertThat(engine.journeys.find(TestKeys.TENANT, Long.parseLong(id)).orElseThrow().draftJson())
                .isEqualTo(V1);
    }

    @Test
    void stopEndsEveryLiveInstanceInPagesAndCountsThemExited() throws Exception {
        String id = created(V1);
        action(id, "publish");
        long journey = Long.parseLong(id);
        for (int i = 1; i <= 5; i++) {
            engine.instances.insert(instance(i, journey, i <= 3 ? 1 : 2, "wait", InstanceStatus.WAITING));
        }
        engine.instances.insert(instance(6, journey, 1, "done", InstanceStatus.COMPLETED));

        action(id, "stop").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STOPPED"));

        for (long i = 1; i <= 5; i++) {
            JourneyInstance stopped = engine.instances.find(TestKeys.TENANT, i).orElseThrow();
            assertThat(stopped.status()).isEqualTo(InstanceStatus.EXITED);
            assertThat(stopped.endReason()).isEqualTo("stopped");
            assertThat(engine.steps.forContact(TestKeys.TENANT, 100 + i, 10)).extracting(StepRecord::outcome,
                    StepRecord::detail).containsExactly(tuple("EXITED", "stopped"));
        }
        assertThat(engine.instances.find(TestKeys.TENANT, 6L).orElseThrow().status())
                .isEqualTo(InstanceStatus.COMPLETED);
        mvc.perform(get("/api/v1/journeys/" + id + "/stats").header(HttpHeaders.AUTHORIZATION,
                        bearer(TestKeys.VIEWER)))
                .andExpect(jsonPath("$.active").value(0))
                .andExpect(jsonPath("$.exited").value(5));
    }

    @Test
    void resumeReleasesTheTimersHeldDuringThePauseSayingHowLate() throws Exception {
        String id = created(V1);
        action(id, "publish");
        long journey = Long.parseLong(id);
        Instant due = engine.clock.instant().plus(Duration.ofMinutes(30));
        JourneyInstance waiting = instance(1, journey, 1, "wait", InstanceStatus.WAITING).withWakeAt(due);
        engine.instances.insert(waiting);
        Instant pausedAt = engine.clock.instant();
        action(id, "pause");
        engine.clock.advance(Duration.ofHours(1));
        assertThat(engine.instances.hold(waiting)).isTrue();
        engine.clock.advance(Duration.ofHours(1));

        action(id, "resume").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));

        JourneyInstance released = engine.instances.find(TestKeys.TENANT, 1L).orElseThrow();
        assertThat(released.wakeAt()).isEqualTo(due);
        assertThat(engine.instances.held(TestKeys.TENANT, journey, 10)).isEmpty();
        assertThat(engine.steps.forContact(TestKeys.TENANT, 101, 10)).singleElement().satisfies(step -> {
            assertThat(step.outcome()).isEqualTo("RESUMED_LATE");
            assertThat(step.detail()).isEqualTo("due " + due + ", PT1H30M late: paused from " + pausedAt + " to "
                    + engine.clock.instant());
        });
        assertThat(engine.journeys.find(TestKeys.TENANT, journey).orElseThrow().pausedAt())
                .as("the pause is over once its timers are released").isNull();
    }

    @Test
    void publishWithAMigrationMovesTheInstancesWaitingAtTheMappedNodes() throws Exception {
        String id = created(V1);
        action(id, "publish");
        long journey = Long.parseLong(id);
        for (int i = 1; i <= 3; i++) {
            engine.instances.insert(instance(i, journey, 1, "wait", InstanceStatus.WAITING));
        }
        engine.instances.insert(instance(4, journey, 1, "done", InstanceStatus.COMPLETED));
        replace(id, V2);

        publish(id, "{\"migrate\": {\"wait\": \"wait2\"}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(2));

        for (long i = 1; i <= 3; i++) {
            JourneyInstance moved = engine.instances.find(TestKeys.TENANT, i).orElseThrow();
            assertThat(moved.journeyVersion()).isEqualTo(2);
            assertThat(moved.currentNode()).isEqualTo("wait2");
            assertThat(moved.wakeAt()).isEqualTo(InMemoryEngine.START.plus(Duration.ofHours(1)));
            assertThat(engine.steps.forContact(TestKeys.TENANT, 100 + i, 10)).extracting(StepRecord::outcome,
                    StepRecord::detail, StepRecord::journeyVersion)
                    .containsExactly(tuple("MIGRATED", "v1:wait -> v2:wait2", 2));
        }
        assertThat(engine.instances.find(TestKeys.TENANT, 4L).orElseThrow().journeyVersion()).isEqualTo(1);
        publish(id, "{\"migrate\": {}}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void rejectsAMigrationNamingNodesItCannotUseAs400ListingEveryEntry() throws Exception {
        String id = created(V1);
        action(id, "publish");
        replace(id, V2);

        publish(id, "{\"migrate\": {\"nope\": \"wait2\", \"welcome\": \"wait2\", \"wait\": \"done\","
                + " \"wait \": \"missing\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid migration"))
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/migrate/nope", "/migrate/welcome",
                        "/migrate/wait", "/migrate/wait ", "/migrate/wait ")))
                .andExpect(jsonPath("$.errors[*].code").value(contains("unknown-node", "not-a-waiting-node",
                        "target-not-waiting", "unknown-node", "unknown-target")))
                .andExpect(jsonPath("$.errors[0].message").value("no older version (v1) has a node 'nope'"));
        assertThat(engine.journeys.versions()).as("nothing published").extracting(PublishedVersion::version)
                .containsExactly(1);

        String first = created(V1.replace("nudges", "first"));
        publish(first, "{\"migrate\": {\"wait\": \"wait\"}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("the journey has no older version to migrate "
                        + "from"));
    }

    @Test
    void rejectsAPublishBodyOfTheWrongShapeAs400AtEachPointer() throws Exception {
        String id = created(V1);

        publish(id, "{\"migrate\": {\"wait\": 5, \"\": \"x\", \"ok\": \"fine\"}, \"extra\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/extra", "/migrate/wait", "/migrate/")))
                .andExpect(jsonPath("$.errors[*].code").value(contains("unknown-field", "invalid-target",
                        "invalid-node")));
        publish(id, "{\"migrate\": [\"wait\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/migrate"))
                .andExpect(jsonPath("$.errors[0].code").value("not-an-object"));
        publish(id, "[1]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value(""));
        publish(id, "{\"migrate\": {\"a\": }").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(engine.journeys.versions()).as("nothing published").isEmpty();
        publish(id, "{\"migrate\": null}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void hidesAnotherTenantsJourneyAs404() throws Exception {
        String id = created(V1);
        action(id, "publish");

        for (String action : LIFECYCLE) {
            mvc.perform(post("/api/v1/journeys/" + id + "/" + action)
                            .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OTHER_TENANT_ADMIN)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("No journey " + id + "."));
        }
        read(id).andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void needsAnOperatorKey() throws Exception {
        String id = created(V1);

        for (String action : LIFECYCLE) {
            mvc.perform(post("/api/v1/journeys/" + id + "/" + action))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(post("/api/v1/journeys/" + id + "/" + action)
                            .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("A VIEWER key may not POST /api/v1/journeys/" + id + "/"
                            + action + "."));
        }
        read(id).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/journeys/" + id + "/pause")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAUSED"));
    }

    private String created(String json) throws Exception {
        ResultActions created = mvc.perform(post("/api/v1/journeys")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated());
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private void replace(String id, String json) throws Exception {
        mvc.perform(put("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }

    private ResultActions action(String id, String action) throws Exception {
        return mvc.perform(post("/api/v1/journeys/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)));
    }

    private ResultActions publish(String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions read(String id) throws Exception {
        return mvc.perform(get("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)));
    }

    private static JourneyInstance instance(long id, long journeyId, int version, String node, InstanceStatus status) {
        Instant t = InMemoryEngine.START;
        boolean live = status.isLive();
        return new JourneyInstance(id, TestKeys.TENANT, journeyId, version, 100 + id, "ONCE:", id, status, node, 2,
                live ? t.plus(Duration.ofHours(1)) : null, t, t, live ? null : t, live ? null : "exit-node", 0);
    }
}
