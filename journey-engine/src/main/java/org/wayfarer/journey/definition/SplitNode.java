package org.wayfarer.journey.definition;

import java.util.List;

/**
 * Sends each instance down one of its paths at random, in proportion to the weights; the draw is a function of the
 * instance and the node, so a replayed step takes the same path. Each path's count is kept for analytics.
 */
public record SplitNode(String id, List<Path> paths) implements Node {

    public SplitNode {
        paths = List.copyOf(paths);
    }

    /** @param next nullable: the path ends */
    public record Path(String name, int weight, String next) {
    }

    public int totalWeight() {
        return paths.stream().mapToInt(Path::weight).sum();
    }
}
