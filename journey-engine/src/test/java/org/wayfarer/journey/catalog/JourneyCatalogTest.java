package org.wayfarer.journey.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.Entry;
import org.wayfarer.journey.definition.EntryPolicy;
import org.wayfarer.journey.definition.ExitNode;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.SendNode;
import org.wayfarer.journey.definition.Trigger;
import org.wayfarer.journey.definition.ValidationProblem;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryJourneyStore;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The catalog against an in-memory store. The compiler is stubbed per JSON text (it is a final class, so Mockito's
 * inline mock maker does it): these tests are about what the catalog does with a compilation, not about compiling.
 */
class JourneyCatalogTest {

    private static final long TENANT = 7;
    private static final long OTHER_TENANT = 8;
    private static final String WELCOME_V1 = "{\"key\":\"welcome\",\"name\":\"Welcome\",\"v\":1}";
    private static final String WELCOME_V2 = "{\"key\":\"welcome\",\"name\":\"Welcome followers\",\"v\":2}";
    private static final String BROKEN = "{\"key\":\"welcome\",\"nodes\":{}}";
    private static final String OWN_APP = "wx00000000000000a7";
    private static final String OTHER_APP = "wx00000000000000b8";
    private static final Set<String> WRITES = Set.of("insert", "update", "publish");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final AtomicLong nextId = new AtomicLong(1000);
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryJourneyStore store = new InMemoryJourneyStore();
    private final JourneyCompiler compiler = mock(JourneyCompiler.class);
    private final IdGenerator ids = nextId::incrementAndGet;
    /** Tenant 7 connected {@link #OWN_APP} for the WeChat channels; {@link #OTHER_APP} belongs to tenant 8. */
    private final List<String> ownershipQuestions = new ArrayList<>();
    private final ChannelAccounts wechatAccounts = new ChannelAccounts() {
        @Override
        public boolean owns(long tenantId, String channel, String account) {
            ownershipQuestions.add(tenantId + " " + channel + " " + account);
            return tenantId == TENANT && account.equalsIgnoreCase(OWN_APP)
                    || tenantId == OTHER_TENANT && account.equalsIgnoreCase(OTHER_APP);
        }

        @Override
        public boolean covers(String channel) {
            return channel.startsWith("wechat.");
        }
    };
    private final JourneyCatalog catalog = new JourneyCatalog(store, compiler,
            new AccountOwnership(List.of(wechatAccounts)), transactions, ids, clock);

    JourneyCatalogTest() {
        compiles(WELCOME_V1, definition("welcome", "Welcome", "wechat.followed"));
        compiles(WELCOME_V2, definition("welcome", "Welcome followers", "wechat.qr_scanned"));
        when(compiler.compile(BROKEN)).thenReturn(new Compilation(null, List.of(
                new ValidationProblem("/start", "required", "start is missing"),
                new ValidationProblem("/nodes", "empty", "a journey needs nodes")), List.of()));
    }

    @Test
    void createsDraftWithKeyAndNameTakenFromTheDefinition() {
        JourneyView created = catalog.create(TENANT, WELCOME_V1);

        assertThat(created.id()).isEqualTo(1001);
        assertThat(created.key()).isEqualTo("welcome");
        assertThat(created.name()).isEqualTo("Welcome");
        assertThat(created.status()).isEqualTo(JourneyStatus.DRAFT);
        assertThat(created.publishedVersion()).isZero();
        assertThat(created.hasUnpublishedChanges()).isFalse();
        assertThat(created.draftJson()).isEqualTo(WELCOME_V1);
        assertThat(created.createdAt()).isEqualTo(clock.instant());
        StoredJourney stored = store.find(TENANT, 1001).orElseThrow();
        assertThat(stored.draftJson()).isEqualTo(WELCOME_V1);
        assertThat(stored.publishedVersion()).isNull();
    }

    @Test
    void rejectsInvalidDefinitionWithEveryErrorAndStoresNothing() {
        assertThatThrownBy(() -> catalog.create(TENANT, BROKEN))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> assertThat(e.errors())
                        .extracting(ValidationProblem::pointer).containsExactly("/start", "/nodes"));
        assertThat(store.list(TENANT)).isEmpty();
    }

    @Test
    void rejectsKeyLongerThanTheStoreAllows() {
        String json = "{\"long\":true}";
        compiles(json, definition("k".repeat(65), "Long", "wechat.followed"));

        assertThatThrownBy(() -> catalog.create(TENANT, json))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> assertThat(e.errors())
                        .containsExactly(new ValidationProblem("/key", "too-long",
                                "the key may have at most 64 characters")));
        assertThat(catalog.validate(TENANT, json).valid()).isFalse();
    }

    @Test
    void refusesSecondJourneyWithTheSameKey() {
        catalog.create(TENANT, WELCOME_V1);

        assertThatThrownBy(() -> catalog.create(TENANT, WELCOME_V2)).isInstanceOf(JourneyKeyTakenException.class);
        assertThat(catalog.create(OTHER_TENANT, WELCOME_V1).key()).isEqualTo("welcome");
    }

    @Test
    void validatesWithoutStoringAndKeepsWarnings() {
        String json = "{\"warned\":true}";
        ValidationProblem warning = new ValidationProblem("/goal", "no-goal", "the journey has no goal");
        when(compiler.compile(json)).thenReturn(new Compilation(
                definition("warned", "Warned", "wechat.followed"), List.of(), List.of(warning)));

        Compilation compilation = catalog.validate(TENANT, json);

        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.warnings()).containsExactly(warning);
        assertThat(store.list(TENANT)).isEmpty();
    }

    @Test
    void hidesJourneysOfOtherTenants() {
        long id = catalog.create(TENANT, WELCOME_V1).id();

        assertThatThrownBy(() -> catalog.get(OTHER_TENANT, id)).isInstanceOf(JourneyNotFoundException.class);
        assertThatThrownBy(() -> catalog.publish(OTHER_TENANT, id)).isInstanceOf(JourneyNotFoundException.class);
        assertThatThrownBy(() -> catalog.replaceDraft(OTHER_TENANT, id, WELCOME_V2))
                .isInstanceOf(JourneyNotFoundException.class);
        assertThat(catalog.list(OTHER_TENANT)).isEmpty();
        assertThat(catalog.list(TENANT)).extracting(JourneyView::id).containsExactly(id);
    }

    @Test
    void replacesDraftAndNameButKeepsKey() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        clock.advance(Duration.ofMinutes(5));

        JourneyView replaced = catalog.replaceDraft(TENANT, id, WELCOME_V2);

        assertThat(replaced.name()).isEqualTo("Welcome followers");
        assertThat(replaced.draftJson()).isEqualTo(WELCOME_V2);
        assertThat(replaced.updatedAt()).isEqualTo(clock.instant());
        assertThat(replaced.status()).isEqualTo(JourneyStatus.DRAFT);
        assertThat(catalog.get(TENANT, id)).isEqualTo(replaced);
    }

    @Test
    void refusesDraftThatChangesTheKey() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        String renamed = "{\"key\":\"hello\"}";
        compiles(renamed, definition("hello", "Hello", "wechat.followed"));

        assertThatThrownBy(() -> catalog.replaceDraft(TENANT, id, renamed))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> {
                    assertThat(e.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                            .containsExactly(tuple("/key", "key-changed"));
                    assertThat(e.errors().get(0).message()).contains("'welcome'", "'hello'");
                });
        assertThat(catalog.get(TENANT, id).draftJson()).isEqualTo(WELCOME_V1);
    }

    @Test
    void publishesDraftAsVersionOneAcceptingEntries() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        clock.advance(Duration.ofHours(1));

        JourneyView published = catalog.publish(TENANT, id);

        assertThat(published.status()).isEqualTo(JourneyStatus.PUBLISHED);
        assertThat(published.publishedVersion()).isEqualTo(1);
        assertThat(published.hasUnpublishedChanges()).isFalse();
        assertThat(store.versions()).singleElement().satisfies(v -> {
            assertThat(v.tenantId()).isEqualTo(TENANT);
            assertThat(v.journeyId()).isEqualTo(id);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.triggerEvent()).isEqualTo("wechat.followed");
            assertThat(v.definitionJson()).isEqualTo(WELCOME_V1);
            assertThat(v.accepting()).isTrue();
            assertThat(v.publishedAt()).isEqualTo(clock.instant());
        });
        assertThat(catalog.get(TENANT, id)).isEqualTo(published);
    }

    @Test
    void publishesVersionAndJourneyUpdateInOneTransaction() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        int before = transactions.started();
        List<String> writesOutsideTransactions = new ArrayList<>();
        Map<String, Integer> transactionOfWrite = new HashMap<>();
        store.beforeEachCall(call -> {
            if (WRITES.contains(call)) {
                if (!transactions.isOpen()) {
                    writesOutsideTransactions.add(call);
                }
                transactionOfWrite.put(call, transactions.started());
            }
        });

        catalog.publish(TENANT, id);

        assertThat(transactions.started()).isEqualTo(before + 1);
        assertThat(writesOutsideTransactions).isEmpty();
        assertThat(transactionOfWrite.get("publish")).isEqualTo(transactionOfWrite.get("update"))
                .isEqualTo(transactions.started());
    }

    @Test
    void showsUnpublishedChangesUntilTheNextPublish() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        catalog.publish(TENANT, id);

        JourneyView edited = catalog.replaceDraft(TENANT, id, WELCOME_V2);
        assertThat(edited.hasUnpublishedChanges()).isTrue();
        assertThat(edited.publishedVersion()).isEqualTo(1);

        JourneyView republished = catalog.publish(TENANT, id);
        assertThat(republished.publishedVersion()).isEqualTo(2);
        assertThat(republished.hasUnpublishedChanges()).isFalse();
        assertThat(store.versions()).extracting(PublishedVersion::version, PublishedVersion::accepting,
                        PublishedVersion::triggerEvent)
                .containsExactly(tuple(1, false, "wechat.followed"),
                        tuple(2, true, "wechat.qr_scanned"));
    }

    @Test
    void treatsReformattedDraftAsUnchanged() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        catalog.publish(TENANT, id);
        String reformatted = "{ \"v\": 1,\n  \"name\": \"Welcome\", \"key\": \"welcome\" }";
        compiles(reformatted, definition("welcome", "Welcome", "wechat.followed"));

        assertThat(catalog.replaceDraft(TENANT, id, reformatted).hasUnpublishedChanges()).isFalse();
    }

    @Test
    void republishingAnUnchangedDraftCreatesNoNewVersion() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        catalog.publish(TENANT, id);

        JourneyView again = catalog.publish(TENANT, id);

        assertThat(again.publishedVersion()).isEqualTo(1);
        assertThat(store.versions()).hasSize(1);
    }

    @Test
    void refusesToPublishDraftThatNoLongerCompiles() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        // The compiler's rules tightened after the draft was stored.
        when(compiler.compile(WELCOME_V1)).thenReturn(new Compilation(null,
                List.of(new ValidationProblem("/trigger/event", "unknown-event", "no such event")), List.of()));

        assertThatThrownBy(() -> catalog.publish(TENANT, id))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> assertThat(e.errors())
                        .extracting(ValidationProblem::code).containsExactly("unknown-event"));
        assertThat(store.versions()).isEmpty();
        assertThat(catalog.get(TENANT, id).status()).isEqualTo(JourneyStatus.DRAFT);
    }

    @Test
    void reportsConcurrentEditAsStaleData() {
        long id = catalog.create(TENANT, WELCOME_V1).id();
        AtomicBoolean edited = new AtomicBoolean();
        store.beforeEachCall(call -> {
            if (call.equals("update") && !edited.getAndSet(true)) {
                // Someone else saves the journey between the catalog's read and its write.
                store.update(store.find(TENANT, id).orElseThrow());
            }
        });

        assertThatThrownBy(() -> catalog.replaceDraft(TENANT, id, WELCOME_V2)).isInstanceOf(StaleDataException.class);
        assertThat(edited).isTrue();
    }

    @Test
    void validatesThatEverySendAccountIsConnectedToTheTenant() {
        String json = "{\"accounts\":true}";
        compiles(json, withSends(send("own", "wechat.template", OWN_APP.toUpperCase()),
                send("theirs", "wechat.template", OTHER_APP), send("nobodys", "wechat.coupon", "wx00000000000000ff"),
                send("fromTrigger", "wechat.template", null)));

        Compilation compilation = catalog.validate(TENANT, json);

        assertThat(compilation.valid()).isFalse();
        assertThat(compilation.errors()).containsExactly(
                new ValidationProblem("/nodes/nobodys/account", "account-not-connected",
                        "account wx00000000000000ff is not connected to this tenant"),
                new ValidationProblem("/nodes/theirs/account", "account-not-connected",
                        "account " + OTHER_APP + " is not connected to this tenant"));
        assertThat(ownershipQuestions).containsExactlyInAnyOrder("7 wechat.template " + OWN_APP.toUpperCase(),
                "7 wechat.template " + OTHER_APP, "7 wechat.coupon wx00000000000000ff");
        assertThat(catalog.validate(OTHER_TENANT, json).errors()).extracting(ValidationProblem::pointer)
                .containsExactly("/nodes/nobodys/account", "/nodes/own/account");
    }

    @Test
    void refusesAnAccountOfAChannelNoModuleCovers() {
        String json = "{\"sms\":true}";
        compiles(json, withSends(send("text", "sms", OWN_APP)));

        assertThat(catalog.validate(TENANT, json).errors()).extracting(ValidationProblem::pointer)
                .containsExactly("/nodes/text/account");
    }

    @Test
    void refusesToPublishADraftSendingThroughAnotherTenantsAccount() {
        String json = "{\"theirs\":true}";
        compiles(json, withSends(send("welcome", "wechat.template", OTHER_APP)));
        // a draft may name an account that is connected later; publishing is where it must be the tenant's
        long id = catalog.create(TENANT, json).id();

        assertThatThrownBy(() -> catalog.publish(TENANT, id))
                .isInstanceOfSatisfying(InvalidJourneyException.class, e -> assertThat(e.errors())
                        .containsExactly(new ValidationProblem("/nodes/welcome/account", "account-not-connected",
                                "account " + OTHER_APP + " is not connected to this tenant")));
        assertThat(store.versions()).isEmpty();
        assertThat(catalog.get(TENANT, id).status()).isEqualTo(JourneyStatus.DRAFT);
    }

    @Test
    void publishesADraftSendingThroughTheTenantsOwnAccount() {
        String json = "{\"own\":true}";
        compiles(json, withSends(send("welcome", "wechat.template", OWN_APP)));
        long id = catalog.create(TENANT, json).id();

        assertThat(catalog.publish(TENANT, id).publishedVersion()).isEqualTo(1);
        assertThat(ownershipQuestions).containsExactly("7 wechat.template " + OWN_APP);
    }

    private void compiles(String json, JourneyDefinition definition) {
        when(compiler.compile(json)).thenReturn(new Compilation(definition, List.of(), List.of()));
    }

    private static JourneyDefinition definition(String key, String name, String triggerEvent) {
        return new JourneyDefinition(key, name, new Trigger(triggerEvent, null), new Entry(EntryPolicy.ONCE, null),
                List.of(), null, "done", Map.of("done", new ExitNode("done")));
    }

    private static SendNode send(String id, String channel, String account) {
        return new SendNode(id, channel, account, facts -> Map.of(), "done");
    }

    private static JourneyDefinition withSends(SendNode... sends) {
        Map<String, Node> nodes = new HashMap<>();
        nodes.put("done", new ExitNode("done"));
        for (SendNode send : sends) {
            nodes.put(send.id(), send);
        }
        return new JourneyDefinition("sends", "Sends", new Trigger("wechat.followed", null),
                new Entry(EntryPolicy.ONCE, null), List.of(), null, sends[0].id(), nodes);
    }
}
