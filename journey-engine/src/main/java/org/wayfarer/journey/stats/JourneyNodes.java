package org.wayfarer.journey.stats;

import java.util.Set;
import java.util.TreeSet;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.StoredJourney;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node ids a journey has had: its draft's and every published version's, for checking what analytics ask for.
 * The draft and the newest versions are read first and the reading stops at the first that has the node, so a known
 * node costs one or two reads however many versions the journey has.
 */
final class JourneyNodes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JourneyNodes() {
    }

    /**
     * @throws JourneyNotFoundException when the tenant has no such journey
     * @throws UnknownNodeException     naming the journey's nodes, when none of its definitions has {@code nodeId}
     */
    static void require(JourneyStore journeys, long tenantId, long journeyId, String nodeId) {
        StoredJourney journey = journeys.find(tenantId, journeyId)
                .orElseThrow(() -> new JourneyNotFoundException(journeyId));
        Set<String> ids = new TreeSet<>();
        add(journey.draftJson(), ids);
        int latest = journey.publishedVersion() == null ? 0 : journey.publishedVersion();
        for (int version = latest; version >= 1 && !ids.contains(nodeId); version--) {
            journeys.version(tenantId, journeyId, version).ifPresent(v -> add(v.definitionJson(), ids));
        }
        if (!ids.contains(nodeId)) {
            throw new UnknownNodeException(nodeId, ids);
        }
    }

    private static void add(String definitionJson, Set<String> ids) {
        try {
            JsonNode nodes = JSON.readTree(definitionJson).path("nodes");
            if (nodes.isObject()) {
                nodes.properties().forEach(field -> ids.add(field.getKey()));
            }
        } catch (RuntimeException unreadable) {
            // a draft is stored exactly as sent and may not be JSON yet; it simply names no nodes
        }
    }
}
