package org.wayfarer.journey.runtime;

import org.wayfarer.journey.definition.BranchNode;
import org.wayfarer.journey.definition.ExitNode;
import org.wayfarer.journey.definition.ExpressionEvaluationException;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.SendNode;
import org.wayfarer.journey.definition.WaitNode;

/**
 * What each node decides when an instance enters it: the <em>decide</em> part of a step. Pure functions of the node
 * and the {@link StepContext}: no I/O, no clock reads, no state, so they are thread-safe and a step can be replayed.
 */
public final class NodeBehaviours {

    /** The {@link StepOutcome.Exit} reason of an exit node. */
    public static final String EXIT_NODE = "exit-node";

    private NodeBehaviours() {
    }

    /**
     * Decides the outcome of entering {@code node}.
     *
     * <ul>
     *   <li>send: {@link StepOutcome.Dispatch} of the message rendered against the facts, from the node's account
     *       (null when it names none: the runtime picks the account the contact is reachable by);</li>
     *   <li>wait: {@link StepOutcome.WaitUntil} {@code ctx.now() + duration};</li>
     *   <li>branch: {@link StepOutcome.Advance} to the first case whose condition holds, else {@code otherwise}; a
     *       condition that fails to evaluate (e.g. a method called on a missing value) counts as false;</li>
     *   <li>exit: {@link StepOutcome.Exit} with reason {@value #EXIT_NODE}.</li>
     * </ul>
     */
    public static StepOutcome enter(Node node, StepContext ctx) {
        if (node instanceof SendNode send) {
            return new StepOutcome.Dispatch(send.channel(), send.account(), send.message().render(ctx.facts()),
                    send.next());
        }
        if (node instanceof WaitNode wait) {
            return new StepOutcome.WaitUntil(ctx.now().plus(wait.duration()), wait.next());
        }
        if (node instanceof BranchNode branch) {
            return new StepOutcome.Advance(branch(branch, ctx));
        }
        if (node instanceof ExitNode) {
            return new StepOutcome.Exit(EXIT_NODE);
        }
        throw new IllegalArgumentException("no behaviour for node type " + node.getClass().getName());
    }

    private static String branch(BranchNode branch, StepContext ctx) {
        for (BranchNode.Case branchCase : branch.cases()) {
            if (holds(branchCase, ctx)) {
                return branchCase.next();
            }
        }
        return branch.otherwise();
    }

    private static boolean holds(BranchNode.Case branchCase, StepContext ctx) {
        try {
            return branchCase.when().test(ctx.facts());
        } catch (ExpressionEvaluationException e) {
            // the author's data may lack what a condition needs; the contact takes the other way instead of stalling
            return false;
        }
    }
}
