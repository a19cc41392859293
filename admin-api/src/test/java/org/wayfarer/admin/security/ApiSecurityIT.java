package org.wayfarer.admin.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.TestKeys;

/** Who may call what: keys, roles and public paths, through the real filter chain. */
@AdminApiTest
class ApiSecurityIT {

    private static final String JOURNEY = """
            {"key": "welcome", "name": "Welcome", "trigger": {"event": "wechat.followed"},
             "start": "done", "nodes": {"done": {"type": "exit"}}}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    @Test
    void rejectsRequestWithoutKeyAs401Problem() throws Exception {
        mvc.perform(get("/api/v1/journeys"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value(containsString("API key is required")))
                .andExpect(jsonPath("$.instance").value("/api/v1/journeys"));
    }

    @Test
    void rejectsUnknownKeyAs401Problem() throws Exception {
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer("wf_not-a-key")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.detail").value(containsString("not valid")));
    }

    @Test
    void rejectsRevokedKey() throws Exception {
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.REVOKED_ADMIN)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsOtherAuthorizationSchemes() throws Exception {
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, "Basic " + TestKeys.ADMIN))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void acceptsBearerSchemeInAnyCase() throws Exception {
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, "bearer " + TestKeys.VIEWER))
                .andExpect(status().isOk());
    }

    @Test
    void letsViewerRead() throws Exception {
        mvc.perform(get("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk());
    }

    @Test
    void forbidsViewerToWriteJourneysAs403Problem() throws Exception {
        mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content(JOURNEY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("A VIEWER key may not POST /api/v1/journeys."));
        mvc.perform(post("/api/v1/journeys/validate").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content(JOURNEY))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/journeys/1").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content(JOURNEY))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/journeys/1/publish").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isForbidden());
    }

    @Test
    void letsOperatorAndAdminWriteJourneys() throws Exception {
        mvc.perform(post("/api/v1/journeys").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(JOURNEY))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/journeys/validate").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(JOURNEY))
                .andExpect(status().isOk());
    }

    @Test
    void reservesConnectingAccountsToAdmins() throws Exception {
        String account = """
                {"appId": "wx1234567890abcdef", "name": "Brand", "secret": "s", "token": "t"}""";
        mvc.perform(post("/api/v1/wechat/accounts").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(account))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void reservesUnlistedWritesToAdmins() throws Exception {
        mvc.perform(delete("/api/v1/journeys/1").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)))
                .andExpect(status().isForbidden());
        // An admin gets through security; no such endpoint exists, so MVC answers.
        mvc.perform(delete("/api/v1/journeys/1").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.ADMIN)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void leavesCallbacksHealthMetricsAndDocsOpen() throws Exception {
        // No handlers for these in this slice: reaching MVC (404) instead of 401 proves security lets them through.
        for (String path : new String[] {"/callbacks/wechat/mp/wx1234567890abcdef", "/actuator/health",
            "/actuator/health/liveness", "/actuator/prometheus", "/v3/api-docs", "/swagger-ui.html",
            "/swagger-ui/index.html"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
    }

    @Test
    void ignoresBadKeyOnPublicPaths() throws Exception {
        mvc.perform(get("/callbacks/wechat/mp/wx1").header(HttpHeaders.AUTHORIZATION, bearer("wrong")))
                .andExpect(status().isNotFound());
    }

    @Test
    void protectsEverythingElse() throws Exception {
        mvc.perform(get("/internal/anything")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
    }
}
