package org.wayfarer.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
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
 * The whole server on a private H2 database: the WeChat channel's account records, the engine's AccountOwnership and
 * the catalog wired as in production. Tenant A connects an official account through the API; tenant B may draft a
 * journey that sends through it, but validating says the account is not B's and publishing it fails with the usual
 * 400 problem and publishes nothing. Tenant A publishes the same journey.
 */
@SpringBootTest(classes = WayfarerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:ownership-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1",
        "wayfarer.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "wayfarer.admin.bootstrap-key=" + JourneyAccountOwnershipIT.TENANT_A_KEY})
@AutoConfigureMockMvc
class JourneyAccountOwnershipIT {

    static final String TENANT_A_KEY = "wf_ownership-it-admin-key-of-tenant-a";
    private static final String TENANT_B_KEY = "wf_ownership-it-admin-key-of-tenant-b";
    private static final long TENANT_B = 2;
    private static final String APP_A = "wx00000000000000a1";
    private static final String NOBODYS_APP = "wx00000000000000ff";
    private static final String JOURNEY = """
            {
              "key": "welcome-%s",
              "name": "Welcome",
              "trigger": { "event": "wechat.followed" },
              "start": "welcome",
              "nodes": {
                "welcome": { "type": "send", "channel": "wechat.template", "account": "%s",
                             "message": { "templateId": "TPL", "data": { "thing1": "{{event.scene}}" } },
                             "next": "done" },
                "done":    { "type": "exit" }
              }
            }""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TenantStore tenants;
    @Autowired
    private ApiKeyStore keys;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void tenantsAndAccounts() throws Exception {
        if (!keys.anyForTenant(TENANT_B)) {
            Instant now = Instant.parse("2026-03-01T08:00:00Z");
            tenants.createIfAbsent(TENANT_B, "tenant b", now);
            keys.insert(new ApiKey(9_002, TENANT_B, "tenant b admin", "", ApiKeys.hash(TENANT_B_KEY), Role.ADMIN,
                    now, null));
            // upper case on purpose: AppIDs are compared in any case
            as(TENANT_A_KEY, post("/api/v1/wechat/accounts"), """
                    {"appId": "%s", "name": "Brand A", "secret": "app-secret", "token": "cbtoken123"}"""
                    .formatted(APP_A.toUpperCase().replace("WX", "wx")))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void tenantBCannotPublishAJourneySendingThroughTenantAsAccount() throws Exception {
        String id = JsonPath.read(as(TENANT_B_KEY, post("/api/v1/journeys"), JOURNEY.formatted("b", APP_A))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        as(TENANT_B_KEY, post("/api/v1/journeys/" + id + "/publish"), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid journey definition"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].pointer").value("/nodes/welcome/account"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("account " + APP_A + " is not connected to this tenant"));

        as(TENANT_B_KEY, get("/api/v1/journeys/" + id), null)
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_version WHERE tenant_id = ?", Integer.class,
                TENANT_B)).isZero();
    }

    @Test
    void tenantAPublishesTheSameJourney() throws Exception {
        String id = JsonPath.read(as(TENANT_A_KEY, post("/api/v1/journeys"), JOURNEY.formatted("a", APP_A))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        as(TENANT_A_KEY, post("/api/v1/journeys/" + id + "/publish"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void validateSaysTheSameForAnotherTenantsAccountAsForAnAccountNobodyConnected() throws Exception {
        String theirs = validationMessage(TENANT_B_KEY, APP_A);
        String nobodys = validationMessage(TENANT_B_KEY, NOBODYS_APP);

        assertThat(theirs).isEqualTo("account " + APP_A + " is not connected to this tenant");
        assertThat(nobodys.replace(NOBODYS_APP, APP_A)).isEqualTo(theirs);
        as(TENANT_A_KEY, post("/api/v1/journeys/validate"), JOURNEY.formatted("a", APP_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    private String validationMessage(String key, String appId) throws Exception {
        return JsonPath.read(as(key, post("/api/v1/journeys/validate"), JOURNEY.formatted("v", appId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].pointer").value("/nodes/welcome/account"))
                .andReturn().getResponse().getContentAsString(), "$.errors[0].message");
    }

    private ResultActions as(String key, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
