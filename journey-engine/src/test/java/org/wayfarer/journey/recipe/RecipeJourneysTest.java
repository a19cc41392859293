package org.wayfarer.journey.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.catalog.InvalidJourneyException;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyView;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryJourneyStore;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** Drafts from recipes through the real catalog and compiler on an in-memory store. */
class RecipeJourneysTest {

    private static final long TENANT = 7;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final AtomicLong nextId = new AtomicLong(1000);
    private final JourneyCatalog catalog = new JourneyCatalog(new InMemoryJourneyStore(),
            new JourneyCompiler(Set.of("wechat.template"), JourneyCompiler.Limits.defaults()),
            new AccountOwnership(List.of()), new DirectTransactions(), nextId::incrementAndGet,
            new MutableClock(Instant.parse("2026-03-01T08:00:00Z")));
    private final RecipeJourneys recipes = new RecipeJourneys(RecipeBook.shipped(), catalog);

    @Test
    void createsADraftUnderTheRecipesKeyAndName() {
        JourneyView created = recipes.create(TENANT, "abandoned-cart", null);

        assertThat(created.key()).isEqualTo("abandoned-cart");
        assertThat(created.name()).isEqualTo("Abandoned cart");
        assertThat(created.status()).isEqualTo(JourneyStatus.DRAFT);
        assertThat(created.publishedVersion()).isZero();
        assertThat(JSON.readTree(catalog.get(TENANT, created.id()).draftJson()).at("/nodes/issueCoupon/url")
                .stringValue()).isEqualTo("https://shop.example/api/coupons");
        assertThat(catalog.publish(TENANT, created.id()).publishedVersion()).as("publishes as it is").isEqualTo(1);
    }

    @Test
    void storesTheOverriddenDefinition() {
        JourneyView created = recipes.create(TENANT, "welcome-by-qr-scene", JSON.readTree("""
                {"overrides": {"key": "mall-welcome", "name": "Mall welcome",
                               "params": {"scenePrefix": "mall_", "bindTemplateId": "TPL_MALL_BIND"}}}"""));

        assertThat(created.key()).isEqualTo("mall-welcome");
        assertThat(created.name()).isEqualTo("Mall welcome");
        var draft = JSON.readTree(catalog.get(TENANT, created.id()).draftJson());
        assertThat(draft.at("/trigger/when").stringValue()).contains("startsWith('mall_')");
        assertThat(draft.at("/nodes/remindBind/message/templateId").stringValue()).isEqualTo("TPL_MALL_BIND");
    }

    @Test
    void aTakenDefaultKeyAsksForOverridesKeyAndATakenGivenKeyIsTheUsualConflict() {
        recipes.create(TENANT, "member-binding", null);

        assertThatThrownBy(() -> recipes.create(TENANT, "member-binding", JSON.readTree("{}")))
                .isInstanceOf(RecipeKeyTakenException.class)
                .hasMessageContaining("'member-binding' (the recipe's own key) already exists")
                .hasMessageContaining("pass another key in overrides.key");
        JourneyView second = recipes.create(TENANT, "member-binding",
                JSON.readTree("{\"overrides\": {\"key\": \"member-binding-2\"}}"));
        assertThat(second.key()).isEqualTo("member-binding-2");
        assertThatThrownBy(() -> recipes.create(TENANT, "member-binding",
                JSON.readTree("{\"overrides\": {\"key\": \"member-binding-2\"}}")))
                .isExactlyInstanceOf(JourneyKeyTakenException.class);
    }

    @Test
    void aResultThatDoesNotCompileIsRefusedWithEveryErrorAndNothingIsStored() {
        assertThatThrownBy(() -> recipes.create(TENANT, "upsell-repurchase", JSON.readTree("""
                {"overrides": {"key": "Not A Key", "params": {"crossSellAfter": "P0D", "repurchaseAfter": "P999D"}}}""")))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.pointer()).contains("/key", "/nodes/settle/duration"));
        assertThat(catalog.list(TENANT)).isEmpty();
    }

    @Test
    void anUnknownRecipeOrParameterCreatesNothing() {
        assertThatThrownBy(() -> recipes.create(TENANT, "nope", null)).isInstanceOf(RecipeNotFoundException.class);
        assertThatThrownBy(() -> recipes.create(TENANT, "abandoned-cart",
                JSON.readTree("{\"overrides\": {\"params\": {\"couponId\": \"C1\"}}}")))
                .isInstanceOf(InvalidRecipeOverridesException.class);
        assertThat(catalog.list(TENANT)).isEmpty();
    }
}
