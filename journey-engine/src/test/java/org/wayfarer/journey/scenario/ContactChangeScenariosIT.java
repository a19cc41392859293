package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * The update node and the events that announce contact changes: tags and attribute changes trigger journeys like any
 * event, and a change that repeats itself announces nothing.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class ContactChangeScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_changes_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    ContactStore contacts;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    private Contact contact(String openid) {
        return contacts.find(JourneyKit.TENANT, kit.contactId(openid)).orElseThrow();
    }

    @Test
    void anUpdateTagsTheContactByQrSceneAndTheTagTriggersAnotherJourney() {
        kit.publish("""
                {"key": "tag-%1$s", "name": "Tag by scene", "trigger": {"event": "custom.scanned_%1$s"},
                 "entry": {"policy": "EVERY_TIME"}, "start": "tag",
                 "nodes": {"tag": {"type": "update", "addTags": ["store_{{event.scene}}"], "removeTags": ["guest"],
                                   "set": {"firstStore": "{{event.scene}}"}}}}
                """.formatted(suffix));
        kit.publish("""
                {"key": "tagged-%1$s", "name": "Welcome store members", "start": "hi",
                 "trigger": {"event": "contact.tagged", "when": "event.tag == 'store_%1$s'"},
                 "nodes": {"hi": {"type": "send", "channel": "wechat.template",
                                  "message": {"templateId": "TPL_STORE",
                                              "data": {"thing1": "{{event.tag}}",
                                                       "thing2": "{{contact.attributes.firstStore}}"}}}}}
                """.formatted(suffix));

        kit.happens("custom.scanned_" + suffix, "oTAGGED", Map.of("scene", suffix), Map.of());

        assertThat(kit.awaitSent("oTAGGED", 1).get(0).message())
                .containsEntry("data", Map.of("thing1", "store_" + suffix, "thing2", suffix));
        assertThat(contact("oTAGGED").tags()).containsExactly("store_" + suffix);
        assertThat(contacts.taggedWith(JourneyKit.TENANT, "store_" + suffix, 0, 10))
                .containsExactly(kit.contactId("oTAGGED"));
        assertThat(kit.steps("oTAGGED")).extracting(StepRecord::outcome, StepRecord::detail)
                .contains(tuple("UPDATED", "changed firstStore; tagged store_" + suffix));
    }

    @Test
    void anAttributeChangeTriggersJourneysThatAskWhichAttributeChanged() {
        kit.publish("""
                {"key": "gold-%1$s", "name": "Congratulate gold members", "start": "hi",
                 "trigger": {"event": "contact.updated",
                             "when": "event.changed.contains('level_%1$s') && contact.attributes.level_%1$s == 'gold'"},
                 "entry": {"policy": "EVERY_TIME"},
                 "nodes": {"hi": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_GOLD"}}}}
                """.formatted(suffix));

        kit.happens("wechat.followed", "oGOLD", Map.of(), Map.of());
        kit.happensVia("api", "custom.order_paid_" + suffix, "oGOLD", Map.of(), Map.of("level_" + suffix, "gold"));
        assertThat(kit.awaitSent("oGOLD", 1).get(0).message()).containsEntry("templateId", "TPL_GOLD");

        kit.synced("oGOLD", Map.of("level_" + suffix, "gold", "city", "Hangzhou"));
        kit.synced("oGOLD", Map.of("city", "Suzhou"));
        assertThat(kit.queuedFor("oGOLD")).as("syncing the same level again, or another attribute, is no new gold")
                .hasSize(1);
    }

    @Test
    void anUpdateThatChangesNothingAnnouncesNothingSoItCannotLoop() {
        kit.publish("""
                {"key": "loop-%1$s", "name": "Self-feeding", "start": "mark",
                 "trigger": {"event": "contact.updated", "when": "event.changed.contains('seen_%1$s')"},
                 "entry": {"policy": "EVERY_TIME"},
                 "nodes": {"mark": {"type": "update", "set": {"seen_%1$s": "yes"}, "next": "hi"},
                           "hi": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_SEEN"}}}}
                """.formatted(suffix));

        kit.synced("oONCE", Map.of("seen_" + suffix, "yes"));

        List<?> sent = kit.awaitSent("oONCE", 1);
        assertThat(sent).hasSize(1);
        assertThat(kit.steps("oONCE")).extracting(StepRecord::detail).contains("no change");
        assertThat(kit.queuedFor("oONCE")).hasSize(1);
    }

    @Test
    void minIntervalKeepsAJourneyThatFeedsItselfFromLooping() {
        kit.publish("""
                {"key": "counter-%1$s", "name": "Counts visits", "start": "count",
                 "trigger": {"event": "contact.updated", "when": "event.changed.contains('visits_%1$s')"},
                 "entry": {"policy": "EVERY_TIME", "minInterval": "PT1H"},
                 "nodes": {"count": {"type": "update", "set": {"visits_%1$s": "{{event.occurredAt}}"}, "next": "hi"},
                           "hi": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_V"}}}}
                """.formatted(suffix));

        kit.synced("oLOOPY", Map.of("visits_" + suffix, "first"));

        kit.awaitSent("oLOOPY", 1);
        await().untilAsserted(() -> assertThat(kit.steps("oLOOPY")).extracting(StepRecord::outcome)
                .contains("COMPLETED"));
        assertThat(kit.queuedFor("oLOOPY")).as("its own contact.updated came within the hour: no second entry")
                .hasSize(1);
        kit.advance(Duration.ofMinutes(61));
        kit.synced("oLOOPY", Map.of("visits_" + suffix, "again"));
        assertThat(kit.awaitSent("oLOOPY", 2)).hasSize(2);
    }
}
