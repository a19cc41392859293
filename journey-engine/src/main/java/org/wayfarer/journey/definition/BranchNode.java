package org.wayfarer.journey.definition;

import java.util.List;

/** Takes the first case whose condition holds, else {@code otherwise} (nullable: the instance completes). */
public record BranchNode(String id, List<Case> cases, String otherwise) implements Node {

    public BranchNode {
        cases = List.copyOf(cases);
    }

    public record Case(Expression when, String next) {
    }
}
