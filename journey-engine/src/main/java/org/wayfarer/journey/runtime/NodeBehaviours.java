package org.wayfarer.journey.runtime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.wayfarer.journey.calendar.TimeOfDay;
import org.wayfarer.journey.definition.BranchNode;
import org.wayfarer.journey.definition.ExitNode;
import org.wayfarer.journey.definition.Expression;
import org.wayfarer.journey.definition.ExpressionEvaluationException;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.SendNode;
import org.wayfarer.journey.definition.SplitNode;
import org.wayfarer.journey.definition.UpdateNode;
import org.wayfarer.journey.definition.WaitForNode;
import org.wayfarer.journey.definition.WaitNode;
import org.wayfarer.journey.definition.WebhookNode;

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
     *   <li>wait: {@link StepOutcome.WaitUntil} its end ({@code now + duration}, the {@code until} instant, or the
     *       next {@code timeOfDay} on one of its days in its zone or the contact's); an
     *       {@code until} that has passed, or whose expression gives no instant, is {@link StepOutcome.Advance};</li>
     *   <li>waitFor: {@link StepOutcome.Advance} when its condition already holds, else
     *       {@link StepOutcome.WaitForEvent} until {@code now + timeout};</li>
     *   <li>branch: {@link StepOutcome.Advance} to the first case whose condition holds, else {@code otherwise}; a
     *       condition that fails to evaluate (e.g. a method called on a missing value) counts as false;</li>
     *   <li>split: {@link StepOutcome.Split} of the path drawn for this instance;</li>
     *   <li>update: {@link StepOutcome.Update} with its values and tags rendered against the facts;</li>
     *   <li>webhook: {@link StepOutcome.CallWebhook} of the rendered call ({@link WebhookCalls});</li>
     *   <li>exit: {@link StepOutcome.Exit} with reason {@value #EXIT_NODE}.</li>
     * </ul>
     */
    public static StepOutcome enter(Node node, StepContext ctx) {
        if (node instanceof SendNode send) {
            return new StepOutcome.Dispatch(send.choices().stream().map(choice -> new StepOutcome.Dispatch.Rendered(
                    choice.channel(), choice.message().render(ctx.facts()))).toList(), send.account(), send.next(),
                    send.failed(), send.soldOut(), send.stock(), send.quietHours());
        }
        if (node instanceof WaitNode wait) {
            return waitNode(wait, ctx);
        }
        if (node instanceof WaitForNode waitFor) {
            if (waitFor.condition() != null && holds(waitFor.condition(), ctx.facts())) {
                return new StepOutcome.Advance(waitFor.next(), "condition already holds");
            }
            return new StepOutcome.WaitForEvent(awaiting(waitFor),
                    waitFor.timeout() == null ? null : ctx.now().plus(waitFor.timeout()));
        }
        if (node instanceof BranchNode branch) {
            return new StepOutcome.Advance(branch(branch, ctx));
        }
        if (node instanceof SplitNode split) {
            SplitNode.Path path = draw(split, ctx.instanceId());
            return new StepOutcome.Split(path.name(), path.next());
        }
        if (node instanceof UpdateNode update) {
            return update(update, ctx);
        }
        if (node instanceof WebhookNode webhook) {
            return WebhookCalls.call(webhook, ctx);
        }
        if (node instanceof ExitNode) {
            return new StepOutcome.Exit(EXIT_NODE);
        }
        throw new IllegalArgumentException("no behaviour for node type " + node.getClass().getName());
    }

    /**
     * Where an instance parked at {@code node} goes when its timer fires: a wait's end, a waitFor's timeout, or a
     * webhook's {@code failed} (no answer by its deadline).
     */
    public static String afterTimer(Node node) {
        if (node instanceof WaitNode wait) {
            return wait.next();
        }
        if (node instanceof WaitForNode waitFor) {
            return waitFor.timeoutNext();
        }
        if (node instanceof WebhookNode webhook) {
            return webhook.failed();
        }
        throw new IllegalArgumentException("node '" + node.id() + "' does not wait on a timer");
    }

    /**
     * Whether the contact's event of {@code eventType} ends a waitFor: the awaited type with its {@code when}
     * holding against {@code facts} (in which {@code event} is that event), or the node's condition holding now.
     */
    public static boolean arrived(WaitForNode node, String eventType, Facts facts) {
        if (node.event() != null) {
            return node.event().equals(eventType) && (node.when() == null || holds(node.when(), facts));
        }
        return holds(node.condition(), facts);
    }

    /** The path of {@code split} that {@code instanceId} takes: weighted, the same on every replay. */
    static SplitNode.Path draw(SplitNode split, long instanceId) {
        long seed = instanceId * 0x9E3779B97F4A7C15L ^ split.id().hashCode();
        int ticket = new SplittableRandom(seed).nextInt(split.totalWeight());
        for (SplitNode.Path path : split.paths()) {
            ticket -= path.weight();
            if (ticket < 0) {
                return path;
            }
        }
        throw new IllegalStateException("split '" + split.id() + "' drew past its weights");
    }

    private static StepOutcome waitNode(WaitNode wait, StepContext ctx) {
        Instant until;
        if (wait.until() instanceof WaitNode.For duration) {
            return new StepOutcome.WaitUntil(ctx.now().plus(duration.duration()), wait.next());
        } else if (wait.until() instanceof WaitNode.At at) {
            until = at.instant();
        } else if (wait.until() instanceof WaitNode.NextTimeOfDay time) {
            ZoneId zone = time.zone() != null ? time.zone() : ctx.contactZone();
            return new StepOutcome.WaitUntil(TimeOfDay.nextTimeOfDay(ctx.now(), time.at(), time.days(), zone,
                    ctx.calendar()), wait.next());
        } else {
            Expression expression = ((WaitNode.AtExpression) wait.until()).expression();
            try {
                until = instant(expression.evaluate(ctx.facts()));
            } catch (ExpressionEvaluationException e) {
                until = null;
            }
            if (until == null) {
                return new StepOutcome.Advance(wait.next(), "until '" + expression.source()
                        + "' gave no instant; not waiting");
            }
        }
        return until.isAfter(ctx.now()) ? new StepOutcome.WaitUntil(until, wait.next())
                : new StepOutcome.Advance(wait.next(), "until " + until + " has passed");
    }

    /** An instant from ISO-8601 text with an offset, epoch milliseconds or an {@link Instant}; null otherwise. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Renders the update; a rendered tag that is empty or not a valid tag is left out (a missing value). */
    private static StepOutcome.Update update(UpdateNode update, StepContext ctx) {
        Map<String, Object> rendered = update.changes().render(ctx.facts());
        Map<String, Object> set = rendered.get("set") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        return new StepOutcome.Update(set, update.unset(), tags(rendered.get("addTags")),
                tags(rendered.get("removeTags")), update.next());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static List<String> tags(Object rendered) {
        List<String> tags = new ArrayList<>();
        if (rendered instanceof List<?> list) {
            for (Object tag : list) {
                String text = tag == null ? "" : tag.toString().strip();
                if (!text.isEmpty() && text.codePointCount(0, text.length()) <= UpdateNode.MAX_TAG) {
                    tags.add(text);
                }
            }
        }
        return tags;
    }

    private static String awaiting(WaitForNode waitFor) {
        return waitFor.event() != null ? waitFor.event() : "condition " + waitFor.condition().source();
    }

    private static String branch(BranchNode branch, StepContext ctx) {
        for (BranchNode.Case branchCase : branch.cases()) {
            if (holds(branchCase.when(), ctx.facts())) {
                return branchCase.next();
            }
        }
        return branch.otherwise();
    }

    /** A condition that fails to evaluate counts as false: the author's data may lack what it needs. */
    private static boolean holds(Expression condition, Facts facts) {
        try {
            return condition.test(facts);
        } catch (ExpressionEvaluationException e) {
            return false;
        }
    }
}
