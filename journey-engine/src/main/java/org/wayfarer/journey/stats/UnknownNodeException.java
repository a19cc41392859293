package org.wayfarer.journey.stats;

import java.util.Set;

/** The journey has no node of that id, in its draft or any published version. */
public final class UnknownNodeException extends IllegalArgumentException {

    private final String nodeId;

    public UnknownNodeException(String nodeId, Set<String> known) {
        super("the journey has no node '" + nodeId + "'; its nodes are " + known);
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }
}
