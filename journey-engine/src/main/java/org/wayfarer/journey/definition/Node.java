package org.wayfarer.journey.definition;

/** A step of a journey graph. */
public sealed interface Node permits SendNode, WaitNode, WaitForNode, BranchNode, SplitNode, UpdateNode, WebhookNode, ExitNode {

    String id();
}
