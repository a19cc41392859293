package org.wayfarer.admin.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.wayfarer.admin.limits.AdminLimitsConfiguration;
import org.wayfarer.admin.security.SecurityConfiguration;
import org.wayfarer.admin.support.InMemoryEngine;
import org.wayfarer.admin.support.InMemoryEngineConfiguration;
import org.wayfarer.admin.support.RealCompilerConfiguration;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.keyword.KeywordReplies;
import org.wayfarer.channel.wechat.menu.WeChatMenus;
import org.wayfarer.channel.wechat.qrcode.QrCodes;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.infra.spring.JourneyServicesConfiguration;
import org.wayfarer.journey.infra.spring.SegmentServicesConfiguration;

/**
 * The recipe endpoints with the shipped recipes, the real compiler and catalog on in-memory ports, behind the real
 * security: a draft made from a recipe is an ordinary journey that reads back and publishes.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, AdminLimitsConfiguration.class, JourneyServicesConfiguration.class,
        SegmentServicesConfiguration.class, InMemoryEngineConfiguration.class, TestKeys.class,
        RealCompilerConfiguration.class})
@MockitoBean(types = {WeChatAccounts.class, KeywordReplies.class, WeChatMenus.class, QrCodes.class,
        EventIntake.class})
class RecipeApiIT {

    private static final String MALL_WELCOME = """
            {"overrides": {"key": "mall-welcome", "name": "Mall welcome",
                           "params": {"scenePrefix": "mall_", "welcomeTemplateId": "TPL_X"}}}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private InMemoryEngine engine;

    @BeforeEach
    void clean() {
        engine.clear();
    }

    private ResultActions create(String key, String recipe, String body) throws Exception {
        var request = post("/api/v1/recipes/" + recipe + "/journeys").header(HttpHeaders.AUTHORIZATION, bearer(key));
        return mvc.perform(body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void listsTheShippedRecipesWithTheirParametersToAViewer() throws Exception {
        mvc.perform(get("/api/v1/recipes").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].key").value(contains("welcome-by-qr-scene", "member-binding",
                        "abandoned-cart", "upsell-repurchase", "birthday-offer")))
                .andExpect(jsonPath("$.items[*].category").value(contains("onboarding", "membership",
                        "conversion", "retention", "retention")))
                .andExpect(jsonPath("$.items[0].name").value("Welcome series by QR scene"))
                .andExpect(jsonPath("$.items[0].description").value(containsString("48 hours")))
                .andExpect(jsonPath("$.items[0].params[0].name").value("scenePrefix"))
                .andExpect(jsonPath("$.items[0].params[0].defaultValue").value("store_"))
                .andExpect(jsonPath("$.items[0].params[0].pattern").value("[A-Za-z0-9_-]{1,32}"))
                .andExpect(jsonPath("$.items[0].params[0].description").value(containsString("QR scene")))
                .andExpect(jsonPath("$.items[0].journey").doesNotExist())
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        mvc.perform(get("/api/v1/recipes/abandoned-cart").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.params[*].name").value(contains("couponUrl", "cartTemplateId", "cartUrl")))
                .andExpect(jsonPath("$.journey.trigger.event").value("custom.cart_abandoned"))
                .andExpect(jsonPath("$.journey.nodes.issueCoupon.url").value("${couponUrl}"))
                .andExpect(jsonPath("$.journey.nodes.couponReminder.message.data.thing1")
                        .value("{{event.itemName}}"));
    }

    @Test
    void createsADraftWithTheOverridesThatReadsBackAndPublishes() throws Exception {
        String answer = create(TestKeys.OPERATOR, "welcome-by-qr-scene", MALL_WELCOME)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value("mall-welcome"))
                .andExpect(jsonPath("$.name").value("Mall welcome"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.id");
        create(TestKeys.OPERATOR, "member-binding", null)
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/journeys/")));

        mvc.perform(get("/api/v1/journeys/" + id).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.definition.key").value("mall-welcome"))
                .andExpect(jsonPath("$.definition.trigger.when")
                        .value("event.scene != null && event.scene.startsWith('mall_')"))
                .andExpect(jsonPath("$.definition.nodes.welcome.message.templateId").value("TPL_X"))
                .andExpect(jsonPath("$.definition.nodes.askBind.message.templateId").value("TPL_BIND"))
                .andExpect(jsonPath("$.definition.nodes.welcome.message.data.thing2").value("{{event.scene}}"));
        mvc.perform(post("/api/v1/journeys/validate").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(engine.journeys.list(TestKeys.TENANT).get(0).draftJson()))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.warnings", hasSize(0)));
        mvc.perform(post("/api/v1/journeys/" + id + "/publish")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aTakenKeyIs409AndTheRecipesOwnKeyAsksForOverridesKey() throws Exception {
        create(TestKeys.OPERATOR, "abandoned-cart", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value("abandoned-cart"));

        create(TestKeys.OPERATOR, "abandoned-cart", "{}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("A journey with key 'abandoned-cart' (the recipe's own key) "
                        + "already exists; pass another key in overrides.key, e.g. {\"overrides\": {\"key\": "
                        + "\"abandoned-cart-2\"}}."));
        create(TestKeys.OPERATOR, "abandoned-cart", "{\"overrides\": {\"key\": \"cart-2\"}}")
                .andExpect(status().isCreated());
        create(TestKeys.OPERATOR, "upsell-repurchase", "{\"overrides\": {\"key\": \"cart-2\"}}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("a journey with key 'cart-2' already exists; "
                        + "change its draft with PUT instead."));
        assertThat(engine.journeys.list(TestKeys.TENANT)).hasSize(2);
        create(TestKeys.OTHER_TENANT_ADMIN, "abandoned-cart", null).andExpect(status().isCreated());
    }

    @Test
    void anUnknownRecipeIs404() throws Exception {
        create(TestKeys.OPERATOR, "nope", null)
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No recipe with this key; GET /api/v1/recipes lists them."));
        mvc.perform(get("/api/v1/recipes/nope").header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownParametersAndBadValuesAre400WithEveryProblemAndNothingIsCreated() throws Exception {
        create(TestKeys.OPERATOR, "abandoned-cart", """
                {"overrides": {"params": {"couponId": "C1", "cartUrl": "javascript:alert(1)", "cartTemplateId": 3}}}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid recipe overrides"))
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/overrides/params/couponId",
                        "/overrides/params/cartUrl", "/overrides/params/cartTemplateId")))
                .andExpect(jsonPath("$.errors[*].code").value(contains("unknown-param", "bad-value", "bad-value")))
                .andExpect(jsonPath("$.errors[1].message").value(not(containsString("javascript"))));
        create(TestKeys.OPERATOR, "abandoned-cart", "{\"overide\": {}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/overide"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    @Test
    void aResultThatDoesNotCompileIsTheUsualInvalidJourneyProblem() throws Exception {
        create(TestKeys.OPERATOR, "upsell-repurchase", """
                {"overrides": {"key": "Not A Key", "params": {"crossSellAfter": "P0D"}}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid journey definition"))
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/key", "/nodes/settle/duration")));
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }

    @Test
    void creatingNeedsAnOperatorAndReadingAKey() throws Exception {
        create(TestKeys.VIEWER, "abandoned-cart", null).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/recipes")).andExpect(status().isUnauthorized());
        assertThat(engine.journeys.list(TestKeys.TENANT)).isEmpty();
    }
}
