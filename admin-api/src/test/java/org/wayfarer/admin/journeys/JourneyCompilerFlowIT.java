package org.wayfarer.admin.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wayfarer.admin.limits.AdminLimitsConfiguration;
import org.wayfarer.admin.security.SecurityConfiguration;
import org.wayfarer.journey.infra.spring.JourneyServicesConfiguration;
import org.wayfarer.journey.infra.spring.SegmentServicesConfiguration;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.InMemoryEngineConfiguration;
import org.wayfarer.admin.support.RealCompilerConfiguration;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.menu.WeChatMenus;
import org.wayfarer.channel.wechat.qrcode.QrCodes;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.catalog.PublishedVersion;

/**
 * The journey flow through the REAL compiler: the language's store-welcome example is created, validated and published, and
 * broken definitions come back with every error. Asserts only what the API promises (JSON pointers, every error at
 * once), not the compiler's exact codes.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, AdminLimitsConfiguration.class, JourneyServicesConfiguration.class,
        SegmentServicesConfiguration.class, InMemoryEngineConfiguration.class, TestKeys.class,
        RealCompilerConfiguration.class})
@MockitoBean(types = {WeChatAccounts.class, KeywordReplies.class, WeChatMenus.class, QrCodes.class,
        EventIntake.class})
class JourneyCompilerFlowIT {

    static final String DESIGN_EXAMPLE = """
            {
              "key": "store-welcome",
              "name": "Welcome followers from store QR codes",
              "trigger": { "event": "wechat.followed", "when": "event.scene.startsWith('store_')" },
              "entry": { "policy": "ONCE" },
              "exitWhen": [ { "event": "wechat.unfollowed" } ],
              "goal": { "event": "custom.member_bound", "within": "P7D" },
              "start": "welcome",
              "nodes": {
                "welcome": { "type": "send", "channel": "wechat.template",
                             "message": { "templateId": "TPL_WELCOME", "url": "https://brand.example/hi",
                                          "data": { "thing1": "{{contact.attributes.name}}",
                                                    "thing2": "{{event.scene}}" } },
                             "next": "wait" },
                "wait":    { "type": "wait", "duration": "PT24H", "next": "bound" },
                "bound":   { "type": "branch",
                             "cases": [ { "when": "contact.attributes.memberId != null", "next": "done" } ],
                             "otherwise": "coupon" },
                "coupon":  { "type": "send", "channel": "wechat.coupon", "message": { "cardId": "pCARD1" },
                             "next": "done" },
                "done":    { "type": "exit" }
              }
            }""";

    /** Three independent mistakes: a dangling next, an unknown node type, a duration that does not parse. */
    static final String THREE_MISTAKES = """
            {
              "key": "broken",
              "name": "Broken",
              "trigger": { "event": "wechat.followed" },
              "entry": { "policy": "ONCE" },
              "start": "welcome",
              "nodes": {
                "welcome": { "type": "send", "channel": "wechat.template",
                             "message": { "templateId": "TPL" }, "next": "nowhere" },
                "mystery": { "type": "teleport" },
                "wait":    { "type": "wait", "duration": "one day", "next": "done" },
                "done":    { "type": "exit" }
              }
            }""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    @Test
    void createsAndPublishesTheDesignExample() throws Exception {
        String id = JsonPath.read(send(post("/api/v1/journeys"), DESIGN_EXAMPLE)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value("store-welcome"))
                .andExpect(jsonPath("$.name").value("Welcome followers from store QR codes"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));

        PublishedVersion version = engine.journeys.versions().get(0);
        assertThat(version.triggerEvent()).isEqualTo("wechat.followed");
        assertThat(version.definitionJson()).isEqualTo(DESIGN_EXAMPLE);
        assertThat(version.accepting()).isTrue();
    }

    @Test
    void publishesAnEditedDraftAsVersionTwo() throws Exception {
        String id = JsonPath.read(send(post("/api/v1/journeys"), DESIGN_EXAMPLE)
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)));

        send(put("/api/v1/journeys/" + id), DESIGN_EXAMPLE.replace("PT24H", "PT48H"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasUnpublishedChanges").value(true))
                .andExpect(jsonPath("$.definition.nodes.wait.duration").value("PT48H"));
        mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void reportsEveryErrorAtOnceWithPointers() throws Exception {
        send(post("/api/v1/journeys"), THREE_MISTAKES)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(greaterThanOrEqualTo(3))))
                .andExpect(jsonPath("$.errors[*].pointer", hasItem(startsWith("/nodes/welcome"))))
                .andExpect(jsonPath("$.errors[*].pointer", hasItem(startsWith("/nodes/mystery"))))
                .andExpect(jsonPath("$.errors[*].pointer", hasItem(startsWith("/nodes/wait"))));
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    @Test
    void validatesTheDesignExampleAndFlagsABrokenCondition() throws Exception {
        send(post("/api/v1/journeys/validate"), DESIGN_EXAMPLE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.errors", hasSize(0)));
        send(post("/api/v1/journeys/validate"), DESIGN_EXAMPLE.replace("startsWith('store_')", "startsWith("))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].pointer", hasItem(startsWith("/trigger/when"))));
    }

    @Test
    void rejectsMalformedJsonAs400WithAnError() throws Exception {
        send(post("/api/v1/journeys"), "{\"key\": \"store-welcome\",")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(greaterThanOrEqualTo(1))));
    }

    /** Body cap above the compiler's limit: an oversized definition gets the compiler's error, not a bare 413. */
    @Test
    void leavesOversizedDefinitionsToTheCompilersOwnLimit() throws Exception {
        String padded = DESIGN_EXAMPLE.replace("\"Welcome followers from store QR codes\"",
                "\"" + "n".repeat(300 * 1024) + "\"");

        send(post("/api/v1/journeys"), padded)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("too-large"));
        send(post("/api/v1/journeys/validate"), padded)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].code").value("too-large"));
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    /**
     * The journeys endpoint takes the definition as text (no request JSON limits), so the compiler's own depth limit
     * is what keeps a definition inside what the stored messages can be read back with.
     */
    @Test
    void refusesADraftNestedDeeperThanItsMessagesCouldBeReadBack() throws Exception {
        String deep = DESIGN_EXAMPLE.replace("\"url\": \"https://brand.example/hi\",",
                "\"url\": \"https://brand.example/hi\", \"extra\": " + "[".repeat(80) + "]".repeat(80) + ",");

        send(post("/api/v1/journeys"), deep)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("malformed-json"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("32 levels")));
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
