package org.wayfarer.journey.definition;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test fixtures: the store-welcome example journey of the language, and a compiler that knows its channels. */
final class Journeys {

    static final String STORE_WELCOME = """
            {"key":"store-welcome","name":"Welcome followers from store QR codes",
             "trigger":{"event":"wechat.followed","when":"event.scene != null && event.scene.startsWith('store_')"},
             "entry":{"policy":"ONCE"}, "exitWhen":[{"event":"wechat.unfollowed"}],
             "goal":{"event":"custom.member_bound","within":"P7D"},
             "start":"welcome",
             "nodes":{
              "welcome":{"type":"send","channel":"wechat.template",
                         "message":{"templateId":"TPL_WELCOME","url":"https://brand.example/hi",
                                    "data":{"thing1":"{{contact.attributes.name}}","thing2":"{{event.scene}}"}},
                         "next":"wait"},
              "wait":{"type":"wait","duration":"PT24H","next":"bound"},
              "bound":{"type":"branch","cases":[{"when":"contact.attributes.memberId != null","next":"done"}],
                       "otherwise":"coupon"},
              "coupon":{"type":"send","channel":"wechat.template",
                        "message":{"templateId":"TPL_2","data":{"thing1":"hi"}},"next":"done"},
              "done":{"type":"exit"}}}
            """;

    static final Set<String> CHANNELS = Set.of("wechat.template", "wechat.coupon");

    static final JourneyCompiler COMPILER = new JourneyCompiler(CHANNELS, JourneyCompiler.Limits.defaults());

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Journeys() {
    }

    /** A fresh, mutable copy of the example. */
    static ObjectNode storeWelcome() {
        return (ObjectNode) MAPPER.readTree(STORE_WELCOME);
    }

    static ObjectNode node(ObjectNode document, String id) {
        return (ObjectNode) document.get("nodes").get(id);
    }

    static ObjectNode json(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }

    static Compilation compile(JsonNode document) {
        return COMPILER.compile(MAPPER.writeValueAsString(document));
    }
}
